import { Field, ObjectType, type ClassType } from 'type-graphql';

/**
 * Declares `<Mutation>Payload` with one field holding the result (`createContract` gives
 * CreateContractPayload { contract }), for mutations whose payload is just the changed record.
 */
export function payloadType<T extends object, K extends string>(
  mutation: string,
  field: K,
  type: ClassType<T>,
  description: string,
): ClassType<Record<K, T>> {
  const name = `${mutation[0].toUpperCase()}${mutation.slice(1)}Payload`;
  const Payload = { [name]: class {} }[name];
  Field(() => type, { description })(Payload.prototype, field);
  ObjectType(name, { description: `The result of ${mutation}.` })(Payload);
  return Payload as ClassType<Record<K, T>>;
}
