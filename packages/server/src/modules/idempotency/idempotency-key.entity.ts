import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';

export enum IdempotencyState {
  /** Claimed by a request still running: only ever seen inside that request's own transaction (or left by servers from before it). */
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
}

/**
 * A client's Idempotency-Key and the response given for it; kept 24 hours. Written in the same
 * transaction as the request's work, so a committed row always holds the response of work that
 * committed with it.
 */
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

  /** The JSON response body to replay; null until the request's transaction stores it, just before its commit. */
  @Column({ type: 'text', nullable: true })
  response!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;
}
