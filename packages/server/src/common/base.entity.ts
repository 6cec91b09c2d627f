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
 * Names a record type for global ids and the audit trail. Clients store global ids, so the name is
 * part of the contract: it is written out here rather than taken from the class name, and a class
 * can be renamed without changing it.
 */
export function NodeType(name: string): ClassDecorator {
  return (target) => {
    Object.defineProperty(target.prototype, 'nodeType', { value: name });
  };
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

  /** The record type's stable name, from its `@NodeType`; undefined for internal records. */
  declare readonly nodeType: string | undefined;

  @Field(() => ID, {
    name: 'id',
    description: 'Opaque global id; pass it to `node(id:)` or to any argument that takes this type.',
  })
  get globalId(): string {
    return encodeGlobalId(nodeTypeOf(this), this.id);
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

/** The stable type name of a record (global ids, audit events, notifications); only node types have one. */
export function nodeTypeOf(record: BaseRecord): string {
  if (!record.nodeType) throw new Error(`${record.constructor.name} has no @NodeType, so it has no global id`);
  return record.nodeType;
}

/** Stamps a new record's timestamps and version before insert. */
export function stampNew<T extends BaseRecord>(record: T, now = new Date()): T {
  record.createdAt = now;
  record.updatedAt = now;
  record.version = 1;
  return record;
}
