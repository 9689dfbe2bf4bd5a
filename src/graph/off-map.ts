// No imports: the viewer's bundle reads this module.

/**
 * Above this many nodes, entities that one paper alone names are not drawn: at 74,722 arXiv papers
 * they are 295,000 of 412,000 nodes, a cost to every frame for marks nobody reads at that scale.
 * Each stays in its paper's details (highlighted in its abstract, opened from there) and in the
 * server's search; opening one puts it on the map beside its paper.
 */
export const OFF_MAP_FROM = 50_000;

/** Whether a graph of this many nodes leaves an entity named by these papers off the drawn map. */
export function offMap(order: number, paperCount: number, from = OFF_MAP_FROM): boolean {
  return order > from && paperCount < 2;
}

/**
 * Above this many nodes a build keeps its tail (the entities one paper alone names, off the map
 * from OFF_MAP_FROM) and its papers' texts in its store rather than in its graph. Not from
 * OFF_MAP_FROM: without the leaves Louvain settles on fewer, broader threads (208 → 108 at 10,000
 * papers) and the layout of the broader threads took 9.5 s, not 4; a map of that size is kept as
 * its readers know it.
 */
export const TAIL_FROM = 250_000;
