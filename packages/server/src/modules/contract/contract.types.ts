import { Field, ObjectType } from 'type-graphql';
import { ApprovalDecision } from '../approval/approval.entity';
import { Contract } from './contract.entity';

@ObjectType({ description: 'The result of approveContract.' })
export class ApproveContractPayload {
  @Field(() => Contract, { description: 'The contract, now ACTIVE.' })
  contract!: Contract;

  @Field(() => ApprovalDecision, { description: 'The decision just recorded.' })
  decision!: ApprovalDecision;
}

@ObjectType({ description: 'The result of rejectContract.' })
export class RejectContractPayload {
  @Field(() => Contract, { description: 'The contract, back in DRAFT.' })
  contract!: Contract;

  @Field(() => ApprovalDecision, { description: 'The decision just recorded, with the reason as its note.' })
  decision!: ApprovalDecision;
}
