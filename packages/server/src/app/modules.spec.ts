import { isObjectType } from 'graphql';
import { toGlobalId } from 'graphql-relay';
import { Account } from '../modules/account/account.entity';
import { entities, nodeFetchers } from './modules';
import { createSchema } from './schema';

describe('feature modules', () => {
  it('give every Node type of the schema a way for node(id:) to fetch it', async () => {
    const schema = await createSchema();
    const nodeTypes = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => type.getInterfaces().some((i) => i.name === 'Node'))
      .map((type) => type.name)
      .sort();
    expect(nodeTypes.length).toBeGreaterThan(15);
    expect([...nodeFetchers.keys()].sort()).toEqual(nodeTypes);
  });

  it('name each node type explicitly, as its GraphQL type is named', async () => {
    const schema = await createSchema();
    const named = entities
      .map((entity) => (entity.prototype as { nodeType?: string }).nodeType)
      .filter((name): name is string => name !== undefined);
    expect(named.sort()).toEqual([...nodeFetchers.keys()].sort());
    for (const name of named) expect(schema.getType(name)).toBeDefined();
  });

  it('keep the global ids clients have stored', () => {
    const account = Object.assign(new Account(), { id: 42 });
    expect(account.globalId).toBe(toGlobalId('Account', '42'));
  });
});
