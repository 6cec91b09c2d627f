import { inspect } from 'node:util';
import { AccountGraphError, type AccountGraphErrorCode } from '@account-graph/sdk';

/** Awaits a call that must fail and returns its AccountGraphError, checking the code. */
export async function expectError(call: Promise<unknown>, code: AccountGraphErrorCode): Promise<AccountGraphError> {
  let caught: unknown;
  try {
    await call;
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof AccountGraphError))
    throw new Error(`expected an AccountGraphError ${code}, got ${caught === undefined ? 'success' : inspect(caught)}`);
  expect({ code: caught.code, message: caught.message }).toEqual({ code, message: expect.any(String) });
  return caught;
}
