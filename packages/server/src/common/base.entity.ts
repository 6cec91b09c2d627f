import { Column, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { encodeGlobalId } from './global-id';

/**
 * Relay's Node: anything with a global id can be fetched again with `node(id:)`. TypeGraphQL tells
 * the concrete type by the entity's class, synchronously (a resolveType of our own would be wrapped
 * in a promise, which the compiled executor does not await).
 */
@InterfaceType('Node', { description: 'An object with a global id that `node(id:)` can fetch again.' })
export abstract class Node {
  @Field(() => ID, {
    name: 'id',
    description: 'Opaque global id; pass it to `node(id:)` or to any argument that takes this type.',
  })
  globalId!: string;
}

/**
 * Columns every record has: row id, timestamps (UTC, milliseconds) and the optimistic-lock version.
 * Registered as an object type so that TypeGraphQL copies its fields into each entity's type;
 * no resolver returns it, so it never appears in the schema itself.
 */
@ObjectType('BaseRecord', { description: 'Columns every record has.' })
export abstract class BaseRecord {
  /** Row id; clients see only the global id. */
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ID, {
    name: 'id',
    description: 'Opaque global id; pass it to `node(id:)` or to any argument that takes this type.',
  })
  get globalId(): string {
    return encodeGlobalId(this.constructor.name, this.id);
  }

  @Field(() => Date, { description: 'When the record was created (UTC, ISO 8601 with milliseconds).' })
  @Column({ type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Field(() => Date, { description: 'When the record was last changed (UTC, ISO 8601 with milliseconds).' })
  @Column({ type: 'datetime', precision: 3 })
  updatedAt!: Date;

  @Field(() => Int, {
    description:
      "Bumped by every change; send it back as `expectedVersion` to update without losing someone else's change.",
  })
  @Column({ type: 'int', default: 1 })
  version!: number;
}

/** Stamps a new record's timestamps and version before insert. */
export function stampNew<T extends BaseRecord>(record: T, now = new Date()): T {
  record.createdAt = now;
  record.updatedAt = now;
  record.version = 1;
  return record;
}
