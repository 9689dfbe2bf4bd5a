/**
 * Level of detail, as VOSviewer's occurrence threshold: what the map shows by default. Shared by
 * the build, which writes the overview first (map.json) and the rest after (map-rest.json), and
 * the viewer, which hides the same nodes until they are opened or the threshold is lowered.
 */

/** Entities the overview shows by default, at most. */
const DEFAULT_ENTITIES = 3000;

/** Above this many nodes, papers join the map only when zoomed in or opened. */
export const PAPERS_ON_ZOOM_FROM = 5000;

/**
 * Above this many nodes, the map draws only what a person can read: edges around what is in focus
 * (a hovered or selected node, an opened thread), and, zoomed in, the papers where the camera
 * looks. At 74,722 papers the 44,646 edges among the overview's 2,865 entities are a grey wash
 * under the nodes that names no link, and they cost a software-rendered frame 0.6 s of its 0.7.
 */
export const SPARSE_MAP_FROM = 100_000;

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
 * The least papers an entity needs to be shown by default, given how many papers name each
 * entity: so that at most DEFAULT_ENTITIES are.
 */
export function defaultMinPapers(paperCounts: readonly number[]): number {
  if (paperCounts.length <= DEFAULT_ENTITIES) return 1;
  const sorted = [...paperCounts].sort((a, b) => b - a);
  return (sorted[DEFAULT_ENTITIES] as number) + 1;
}
