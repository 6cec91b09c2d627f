import { getOperationAST, Kind, parse, type FieldNode, type FragmentDefinitionNode } from 'graphql';
import { Selection } from './selection';

/** The selection under the operation's first root field, as a resolver of that field would see it. */
function selectionOf(source: string): Selection {
  const document = parse(source);
  const root = getOperationAST(document)!.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return Selection.of({ fieldNodes: [root], fragments });
}

describe('Selection', () => {
  it('sees fields by name, not alias, through nested fields', () => {
    const selection = selectionOf('{ accounts { edges { node { name who: owner { name } } } } }');
    expect(selection.under('edges').under('node').has('owner')).toBe(true);
    expect(selection.under('edges').under('node').has('who')).toBe(false);
    expect(selection.under('edges').under('node').has('team')).toBe(false);
    expect(selection.has('owner')).toBe(false);
  });

  it('sees fields inside inline fragments and named fragments, once even when spread twice', () => {
    const selection = selectionOf(`
      { account(id: "x") { ... on Account { parent { name } } ...Owner ...Owner } }
      fragment Owner on Account { owner { ...Name } }
      fragment Name on User { name }`);
    expect(selection.has('parent')).toBe(true);
    expect(selection.has('owner')).toBe(true);
    expect(selection.under('owner').has('name')).toBe(true);
  });

  it('merges every occurrence of a field', () => {
    const selection = selectionOf('{ account(id: "x") { owner { name } owner { email } } }');
    expect(selection.under('owner').has('name')).toBe(true);
    expect(selection.under('owner').has('email')).toBe(true);
  });
});
