import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';

export enum IdempotencyState {
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

/** A client's Idempotency-Key and the first response given for it; kept 24 hours. */
@Entity('idempotency_key')
@Index(['userId', 'key'], { unique: true })
@Index(['expiresAt'])
export class IdempotencyKey extends BaseRecord {
  @Column({ type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 255 })
  key!: string;

  /** SHA-256 of the operation and its variables: the same key with another request is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  @Column({ type: 'simple-enum', enum: IdempotencyState })
  state!: IdempotencyState;

  /** The JSON response body to replay; null while in progress. */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
