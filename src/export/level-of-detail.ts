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
 * The least papers an entity needs to be shown by default, given how many papers name each
 * entity: so that at most DEFAULT_ENTITIES are.
 */
export function defaultMinPapers(paperCounts: readonly number[]): number {
  if (paperCounts.length <= DEFAULT_ENTITIES) return 1;
  const sorted = [...paperCounts].sort((a, b) => b - a);
  return (sorted[DEFAULT_ENTITIES] as number) + 1;
}
