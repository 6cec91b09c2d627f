import { BadInputError, ConflictError, ErrorReason } from '../../common/errors';

export const OpportunityErrors = {
  closed: (title: string, stage: string) =>
    new ConflictError(
      ErrorReason.INVALID_TRANSITION,
      `Opportunity "${title}" is ${stage}, which is final; open a new opportunity for new work.`,
    ),
  notAnOpenStage: (stage: string) =>
    BadInputError.field(
      'input.stage',
      `${stage} is not an open stage; use winOpportunity or loseOpportunity to close an opportunity`,
    ),
  sameStage: (stage: string) =>
    new ConflictError(ErrorReason.NO_CHANGE, `The opportunity is already at ${stage}; nothing to move.`),
  badSource: (path: string) =>
    BadInputError.field(
      path,
      'the source must be the id of a Project, a Communication or a ClientIssue',
      ErrorReason.INVALID_ID,
    ),
  sourceOfAnotherAccount: (path: string, kind: string) =>
    BadInputError.field(
      path,
      `the ${kind} belongs to another account; the source must be of the opportunity's own account`,
      ErrorReason.UNRELATED_RECORD,
    ),
};
