import { ConflictError, ErrorReason } from '../../common/errors';

export const OfferingErrors = {
  nameTaken: (name: string) =>
    new ConflictError(
      ErrorReason.ALREADY_EXISTS,
      `The catalogue already has an offering named "${name}"; choose another name or change that offering.`,
      { field: 'input.name' },
    ),
  alreadyHeld: (account: string, offering: string) =>
    new ConflictError(
      ErrorReason.ALREADY_EXISTS,
      `${account} already has ${offering}; change its status with updateAccountOffering instead.`,
    ),
};
