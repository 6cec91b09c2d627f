import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, InputType, ObjectType } from 'type-graphql';
import type { ValueTransformer } from 'typeorm';
import { ConflictError, ErrorReason } from './errors';

/** The largest amount accepted anywhere: 10^13 cents (a hundred billion dollars), exact in both dialects. */
export const MAX_CENTS = 10_000_000_000_000;
export const DEFAULT_CURRENCY = 'USD';

/**
 * BIGINT columns of minor units. mysql2 hands BIGINT back as a string (bigNumberStrings), SQLite as
 * a number; both become a JavaScript integer, exact far beyond MAX_CENTS (2^53).
 */
export const centsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** An exact amount of money: integer minor units (cents) and an ISO 4217 currency. */
// Plain properties: resolved without TypeGraphQL's per-field wrapping (a page or a table has many amounts).
@ObjectType({
  description: 'An exact amount of money: integer minor units (cents) and an ISO 4217 currency. Never a float.',
  simpleResolvers: true,
})
export class Money {
  @Field(() => GraphQLSafeInt, { description: 'The amount in minor units: cents for USD. 123456 is $1,234.56.' })
  amountCents!: number;

  @Field(() => String, { description: 'ISO 4217 currency code, for example "USD".' })
  currency!: string;

  static of(amountCents: number, currency: string): Money {
    return Object.assign(new Money(), { amountCents, currency });
  }
}

/** An amount given by a client; the currency defaults to USD. */
@InputType({ description: 'An amount of money in minor units; the currency defaults to USD.' })
export class MoneyInput {
  @Field(() => GraphQLSafeInt, { description: `The amount in minor units (cents), at most ${MAX_CENTS} in size.` })
  @IsInt()
  @Min(-MAX_CENTS, { message: `amountCents must be at least -${MAX_CENTS}` })
  @Max(MAX_CENTS, { message: `amountCents must be at most ${MAX_CENTS}` })
  amountCents!: number;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217 currency code (three capital letters); USD when omitted.',
  })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as USD' })
  currency?: string | null;
}

/**
 * Digits after the decimal point in a currency's minor unit (ISO 4217): 2 for USD, 0 for JPY, 3 for
 * KWD. Amounts are stored in these minor units, so this is how many of them make one major unit.
 */
export function currencyExponent(currency: string): number {
  let digits = exponents.get(currency);
  if (digits === undefined) {
    digits = lookUpExponent(currency);
    exponents.set(currency, digits);
  }
  return digits;
}

const exponents = new Map<string, number>();

function lookUpExponent(currency: string): number {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2; // a code Intl does not know: show two decimals rather than fail a message
  }
}

/** Formats minor units for messages: 1234567 USD is "USD 12,345.67"; 1234567 JPY is "JPY 1,234,567". */
export function formatMoney(amountMinor: number, currency: string): string {
  const digits = currencyExponent(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = BigInt(Math.abs(amountMinor));
  const unit = 10n ** BigInt(digits);
  const whole = (abs / unit).toLocaleString('en-US');
  const fraction = digits > 0 ? `.${String(abs % unit).padStart(digits, '0')}` : '';
  return `${sign}${currency} ${whole}${fraction}`;
}

/**
 * quantity × unit price, rounded half-even to a cent. The quantity has at most 3 decimals, so the
 * product is exact in thousandths of a cent as a BigInt; banker's rounding keeps totals unbiased.
 */
export function lineAmountCents(quantityThousandths: number, unitPriceCents: number): number {
  const product = BigInt(quantityThousandths) * BigInt(unitPriceCents);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let cents = magnitude / 1000n;
  const remainder = magnitude % 1000n;
  if (remainder > 500n || (remainder === 500n && cents % 2n === 1n)) cents += 1n;
  const result = Number(negative ? -cents : cents);
  if (!Number.isSafeInteger(result) || Math.abs(result) > MAX_CENTS)
    throw new ConflictError(ErrorReason.AMOUNT_OUT_OF_RANGE, 'The line amount is too large.');
  return result;
}
