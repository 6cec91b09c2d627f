import { IsInt, IsOptional, Min, ValidateBy, ValidateNested } from 'class-validator';
import { Field, Int } from 'type-graphql';
import { MoneyInput } from './money';

/**
 * Building blocks that input classes share, so that a field common to many inputs is declared,
 * described and validated in one place.
 */

/**
 * `expectedVersion`: the version the client last read. Required on updates that overwrite fields
 * (a stale edit must never win silently); optional on lifecycle steps, where the state check
 * already refuses a stale step and the version only lets a careful client be stricter.
 */
export function ExpectedVersion(options: { required?: boolean } = {}): PropertyDecorator {
  const field = options.required
    ? Field(() => Int, { description: 'The `version` you last read; stale means CONFLICT and no change.' })
    : Field(() => Int, {
        nullable: true,
        description: 'The `version` you last read; when given and stale, nothing changes and you get CONFLICT.',
      });
  return (target, property) => {
    field(target, property);
    if (!options.required) IsOptional()(target, property);
    IsInt()(target, property);
    Min(1)(target, property);
  };
}

/**
 * A `MoneyInput` field whose amount must be at least `minCents` (0: zero or more; 1: more than
 * zero). The message names what the amount is for; the error points at `<field>.amountCents`.
 */
export function MoneyAtLeast(minCents: number, message: string, description: string): PropertyDecorator {
  return moneyField(minCents, message, { description });
}

/** As `MoneyAtLeast`, for an optional field (null or omitted keeps the current amount). */
export function OptionalMoneyAtLeast(minCents: number, message: string, description: string): PropertyDecorator {
  return moneyField(minCents, message, { description, nullable: true });
}

function moneyField(
  minCents: number,
  message: string,
  options: { description: string; nullable?: boolean },
): PropertyDecorator {
  const atLeast = ValidateBy(
    {
      name: 'moneyAtLeast',
      constraints: [minCents],
      validator: {
        validate: (value: unknown) =>
          !(value instanceof MoneyInput) || !Number.isInteger(value.amountCents) || value.amountCents >= minCents,
        defaultMessage: () => message,
      },
    },
    { context: { subField: 'amountCents' } },
  );
  return (target, property) => {
    Field(() => MoneyInput, options)(target, property);
    if (options.nullable) IsOptional()(target, property);
    ValidateNested()(target, property);
    atLeast(target, property);
  };
}
