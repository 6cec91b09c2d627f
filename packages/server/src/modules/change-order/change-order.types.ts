import { Field, ObjectType } from 'type-graphql';
import { ApprovalDecision } from '../approval/approval.entity';
import { ChangeOrder } from './change-order.entity';

@ObjectType({ description: 'The result of approveChangeOrder.' })
export class ApproveChangeOrderPayload {
  @Field(() => ChangeOrder, { description: 'The change order, now APPROVED; its `contract` shows the new value.' })
  changeOrder!: ChangeOrder;

  @Field(() => ApprovalDecision, { description: 'The decision just recorded.' })
  decision!: ApprovalDecision;
}

@ObjectType({ description: 'The result of rejectChangeOrder.' })
export class RejectChangeOrderPayload {
  @Field(() => ChangeOrder, { description: 'The change order, now REJECTED.' })
  changeOrder!: ChangeOrder;

  @Field(() => ApprovalDecision, { description: 'The decision just recorded, with the reason as its note.' })
  decision!: ApprovalDecision;
}
