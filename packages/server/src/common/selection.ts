import {
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

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

  /**
   * Per field of a parsed document (the same nodes for every row a list resolves): a field
   * resolved once per row reads its selection once, and the answers below are kept with it.
   */
  private static readonly known = new WeakMap<readonly FieldNode[], Selection>();
  private readonly below = new Map<string, Selection>();
  private readonly selected = new Map<string, boolean>();

  /** What is selected under the field being resolved. */
  static of(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
    let selection = Selection.known.get(info.fieldNodes);
    if (!selection) {
      const sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
      Selection.known.set(info.fieldNodes, (selection = new Selection(sets, info.fragments)));
    }
    return selection;
  }

  /** What is selected under `field` of this selection (every occurrence of it merged). */
  under(field: string): Selection {
    let selection = this.below.get(field);
    if (!selection) {
      const sets: SelectionSetNode[] = [];
      this.visit((name, set) => {
        if (name === field && set) sets.push(set);
      });
      this.below.set(field, (selection = new Selection(sets, this.fragments)));
    }
    return selection;
  }

  /** True when `field` is selected here. */
  has(field: string): boolean {
    let found = this.selected.get(field);
    if (found === undefined) {
      found = false;
      this.visit((name) => {
        found ||= name === field;
      });
      this.selected.set(field, found);
    }
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
