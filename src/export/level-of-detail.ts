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
 * The least papers an entity needs to be shown by default, given how many papers name each
 * entity: so that at most DEFAULT_ENTITIES are.
 */
export function defaultMinPapers(paperCounts: readonly number[]): number {
  if (paperCounts.length <= DEFAULT_ENTITIES) return 1;
  const sorted = [...paperCounts].sort((a, b) => b - a);
  return (sorted[DEFAULT_ENTITIES] as number) + 1;
}
