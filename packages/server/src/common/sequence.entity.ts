import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from './base.entity';

/** A named counter for human-readable numbers (C-2026-0001, INV-2026-00042): no gaps, no repeats. */
@Entity('number_sequence')
export class NumberSequence extends BaseRecord {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'int', default: 0 })
  lastValue!: number;
}
