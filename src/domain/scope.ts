/**
 * The part of the organization tree a caller may see: everything, or the subtrees under some organizations.
 * Every read in storage takes one, so an unscoped query does not compile.
 */
export type OrgScope =
  { readonly kind: 'all' } | { readonly kind: 'subtrees'; readonly rootIds: readonly number[] };

export const WHOLE_TREE: OrgScope = { kind: 'all' };

export function subtreesOf(rootIds: readonly number[]): OrgScope {
  return { kind: 'subtrees', rootIds };
}
