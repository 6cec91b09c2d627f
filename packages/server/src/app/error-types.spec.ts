import { isEnumType } from 'graphql';
import {
  BadInputError,
  DomainError,
  ErrorCode,
  ErrorReason,
  ForbiddenError,
  NotFoundError,
  QueryTooComplexError,
  RateLimitedError,
  RequestTimeoutError,
  ServiceUnavailableError,
  StaleVersionError,
  UnauthenticatedError,
} from '../common/errors';
import { AccountErrors } from '../modules/account/account.errors';
import { ApprovalErrors } from '../modules/approval/approval.errors';
import { ChangeOrderErrors } from '../modules/change-order/change-order.errors';
import { ClientIssueErrors } from '../modules/client-issue/client-issue.errors';
import { ContractErrors } from '../modules/contract/contract.errors';
import { InvoiceErrors } from '../modules/invoice/invoice.errors';
import { ProjectErrors } from '../modules/project/project.errors';
import { extensionsOf } from './format-error';
import { createSchema } from './schema';

const FACTORIES = {
  AccountErrors,
  ApprovalErrors,
  ChangeOrderErrors,
  ClientIssueErrors,
  ContractErrors,
  InvoiceErrors,
  ProjectErrors,
};

/** An argument every factory accepts: a string (sliced, interpolated) that is also a date. */
const ARGUMENT = Object.assign(new String('INV-2026-00001'), { toISOString: () => '2026-01-01T00:00:00.000Z' });

async function schemaEnum(name: string): Promise<string[]> {
  const type = (await createSchema()).getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
  return type.getValues().map((value) => value.name);
}

describe('error codes and reasons in the schema', () => {
  it('lists exactly the codes and reasons the server has, each described', async () => {
    expect((await schemaEnum('ErrorCode')).sort()).toEqual(Object.values(ErrorCode).sort());
    expect((await schemaEnum('ErrorReason')).sort()).toEqual(Object.values(ErrorReason).sort());
    const reasonType = (await createSchema()).getType('ErrorReason');
    if (!isEnumType(reasonType)) throw new Error('ErrorReason is not an enum');
    for (const value of reasonType.getValues())
      expect({ [value.name]: !!value.description }).toEqual({ [value.name]: true });
  });

  it('has every factory of every feature throw a domain error whose reason is in the enum', async () => {
    const reasons = await schemaEnum('ErrorReason');
    const made: string[] = [];
    for (const [group, factories] of Object.entries(FACTORIES)) {
      for (const [name, factory] of Object.entries(factories as Record<string, (...args: unknown[]) => unknown>)) {
        const error = factory(...Array.from({ length: factory.length }, () => ARGUMENT));
        expect(error).toBeInstanceOf(DomainError);
        expect({ factory: `${group}.${name}`, known: reasons.includes((error as DomainError).reason) }).toEqual({
          factory: `${group}.${name}`,
          known: true,
        });
        made.push(`${group}.${name}`);
      }
    }
    expect(made.length).toBeGreaterThan(70);
  });

  it('gives the shared errors their reasons, and names the distinct refusals apart', () => {
    expect(new UnauthenticatedError().reason).toBe(ErrorReason.SIGN_IN_REQUIRED);
    expect(new NotFoundError('Account', 'x').reason).toBe(ErrorReason.NOT_FOUND);
    expect(BadInputError.field('input.name', 'is empty').reason).toBe(ErrorReason.INVALID_INPUT);
    expect(new StaleVersionError('Account', 'x', 1, 2).reason).toBe(ErrorReason.STALE_VERSION);
    expect(new QueryTooComplexError(2, 1).reason).toBe(ErrorReason.QUERY_COST_OVER_BUDGET);
    expect(new RateLimitedError(3).reason).toBe(ErrorReason.RATE_LIMITED);
    expect(new RequestTimeoutError(1000).reason).toBe(ErrorReason.TIME_LIMIT_EXCEEDED);
    expect(new ServiceUnavailableError().reason).toBe(ErrorReason.DATABASE_UNAVAILABLE);
    expect(ApprovalErrors.overLimit('x', '1', '1', 'y').reason).toBe(ErrorReason.OVER_APPROVAL_LIMIT);
    expect(ApprovalErrors.ownWork('x').reason).toBe(ErrorReason.OWN_WORK);
    expect(ApprovalErrors.foreignCurrency('x', 'EUR').reason).toBe(ErrorReason.FOREIGN_CURRENCY);
    expect(InvoiceErrors.overContract('a', 'b', 'c', 'd', 'e').reason).toBe(ErrorReason.INVOICE_EXCEEDS_CONTRACT);
  });
});

describe('the edge mapping', () => {
  it('puts code, reason and the safe details in extensions', () => {
    const stale = new StaleVersionError('Account', 'QWNjb3VudDox', 1, 2);
    expect(extensionsOf(stale)).toEqual({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      expectedVersion: 1,
      actualVersion: 2,
    });
    expect(extensionsOf(BadInputError.field('input.name', 'is empty'))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: [{ path: 'input.name', message: 'is empty' }],
    });
    expect(extensionsOf(new ForbiddenError(ErrorReason.ROLE_NOT_ALLOWED, 'No.'))).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('gives GraphQL the HTTP status of the codes that have one, with Retry-After', () => {
    const unavailable = (new ServiceUnavailableError() as unknown as { extensions: Record<string, any> }).extensions;
    expect(unavailable.http.status).toBe(503);
    expect(unavailable.http.headers.get('retry-after')).toBe('5');
    const limited = new RateLimitedError(7, new Map([['ratelimit-remaining', '0']]));
    const http = (limited as unknown as { extensions: Record<string, any> }).extensions.http;
    expect([http.status, http.headers.get('retry-after'), http.headers.get('ratelimit-remaining')]).toEqual([
      429,
      '7',
      '0',
    ]);
    expect((new UnauthenticatedError() as unknown as { extensions: Record<string, any> }).extensions.http.status).toBe(
      401,
    );
    expect('http' in (new NotFoundError('Account', 'x') as unknown as { extensions: object }).extensions).toBe(false);
  });
});
