import clusterFile from "./clusters.json" with { type: "json" };

/**
 * Word clusters learned from unannotated arXiv abstracts (scripts/clusters.ts): a word's cluster,
 * at two levels (coarse, fine), says what kind of word it is even when no annotated paper used it.
 */
interface StoredClusters {
  format: "papergraph-clusters/1";
  levels: [number, number];
  words: string[];
  clusters: number[];
}

const stored = clusterFile as StoredClusters;
const FINE_PER_COARSE = stored.levels[1] / stored.levels[0];
const CLUSTER_OF: ReadonlyMap<string, number> = new Map(
  stored.words.map((word, i) => [word, stored.clusters[i] as number]),
);

/** A word as clusters key it: lower-cased, surrounding brackets, quotes and punctuation stripped. */
export function clusterToken(text: string): string {
  return text.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

/** The coarse and fine cluster of a word, or undefined for a word the clusters never saw. */
export function wordClusters(text: string): [coarse: number, fine: number] | undefined {
  const fine = CLUSTER_OF.get(clusterToken(text));
  return fine === undefined ? undefined : [Math.floor(fine / FINE_PER_COARSE), fine];
}

/** The clusters' content, for the extractor's fingerprint. */
export const CLUSTER_CONTENT = stored;
