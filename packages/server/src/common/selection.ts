import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a client asked for below a resolver's own field, read from the operation before
 * anything loads, through aliases and fragments: a read can JOIN a to-one relation the client will
 * ask for next, instead of loading it in a second statement. `@skip`/`@include` are not evaluated,
 * so a field under them counts as asked for (a JOIN too many, never a missing row).
 */
export class Selection {
  private constructor(
    private readonly sets: readonly SelectionSetNode[],
    private readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  ) {}

  /** What is selected under the field being resolved. */
  static of(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
    return new Selection(
      info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
      info.fragments,
    );
  }

  /** What is selected under `field` of this selection (every occurrence of it merged). */
  under(field: string): Selection {
    const sets: SelectionSetNode[] = [];
    this.visit((name, set) => {
      if (name === field && set) sets.push(set);
    });
    return new Selection(sets, this.fragments);
  }

  /** True when `field` is selected here. */
  has(field: string): boolean {
    let found = false;
    this.visit((name) => {
      found ||= name === field;
    });
    return found;
  }

  private visit(onField: (name: string, set: SelectionSetNode | undefined) => void): void {
    const seen = new Set<string>();
    const walk = (set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) onField(selection.name.value, selection.selectionSet);
        else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
        else if (!seen.has(selection.name.value)) {
          seen.add(selection.name.value);
          const fragment = this.fragments[selection.name.value];
          if (fragment) walk(fragment.selectionSet);
        }
      }
    };
    for (const set of this.sets) walk(set);
  }
}
