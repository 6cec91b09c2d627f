import { IsInt, IsOptional, MaxLength, Min, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { Field, Int } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { MoneyInput } from './money';
import { IsName } from './validation';

/**
 * Building blocks that input classes share, so that a field common to many inputs is declared,
 * described and validated in one place.
 */

/**
 * `expectedVersion`: the version the client last read. Required on updates that overwrite fields
 * (a stale edit must never win silently); optional on lifecycle steps, where the state check
 * already refuses a stale step and the version only lets a careful client be stricter.
 * `of` names the record when the input names it by another field than `id` ("The invoice's").
 */
export function ExpectedVersion(options: { required?: boolean; of?: string } = {}): PropertyDecorator {
  const whose = options.of ? `${options.of} \`version\`` : 'The `version`';
  const field = options.required
    ? Field(() => Int, { description: `${whose} you last read; stale means CONFLICT and no change.` })
    : Field(() => Int, {
        nullable: true,
        description: `${whose} you last read; when given and stale, nothing changes and you get CONFLICT.`,
      });
  return (target, property) => {
    field(target, property);
    // A required override of an optional field inherited from a `*RefInput` base: class-validator
    // merges the base's rules into the subclass, and this conditional replaces the base's IsOptional.
    if (options.required) ValidateIf(() => true)(target, property);
    else IsOptional()(target, property);
    IsInt()(target, property);
    Min(1)(target, property);
  };
}

/** The most characters an approver's note or a rejection's reason may have. */
export const MAX_DECISION_TEXT = 2000;

/**
 * `note` on an Approve*Input: optional; it is kept with the approval decision and the submitter
 * is told it. One declaration, so every approvable kind describes and checks it alike.
 */
export function ApprovalNote(): PropertyDecorator {
  const field = Field(() => String, {
    nullable: true,
    description: `A note for the record (up to ${MAX_DECISION_TEXT.toLocaleString('en-US')} characters); the submitter is told it.`,
  });
  return (target, property) => {
    field(target, property);
    IsOptional()(target, property);
    MaxLength(MAX_DECISION_TEXT)(target, property);
  };
}

/** `reason` on a Reject*Input: required, not blank; kept with the decision and sent to the submitter. */
export function RejectionReason(): PropertyDecorator {
  const field = Field(() => String, {
    description: `Why it is rejected (1 to ${MAX_DECISION_TEXT.toLocaleString('en-US')} characters); the submitter is told it.`,
  });
  return (target, property) => {
    field(target, property);
    IsName(MAX_DECISION_TEXT)(target, property);
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

/**
 * `updatedSince` on a list's filter: records created or changed at or after this time. A tool that
 * syncs incrementally passes the largest `updatedAt` it has seen and orders by UPDATED_AT; "at or
 * after" may return a record it already has (same `updatedAt`), never miss one, so it keeps by id.
 */
export function UpdatedSince(): PropertyDecorator {
  const field = Field(() => Date, {
    nullable: true,
    description:
      'Only records created or changed at or after this time (their `updatedAt`); pass the largest `updatedAt` you ' +
      'have seen, with the UPDATED_AT order, to read what changed since. A record at exactly this time comes again.',
  });
  return (target, property) => {
    field(target, property);
    IsOptional()(target, property);
  };
}

/** The `updatedSince` condition on `alias.updatedAt`, stated once for every list. */
export function whereUpdatedSince<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  since: Date | null | undefined,
): void {
  if (since) qb.andWhere(`${alias}.updatedAt >= :updatedSince`, { updatedSince: since });
}

/** The UPDATED_AT sort key of every list's order (ties break on id, as in every order). */
export const UPDATED_AT_SORT = { key: 'updatedAt', property: 'updatedAt', kind: 'date' } as const;

/** The description of each order-field enum's UPDATED_AT value. */
export const UPDATED_AT_ORDER = {
  description: 'When the record was last changed; with `updatedSince`, reads what changed since a previous sync.',
};
