/**
 * Word clusters for the tagger, learned from unannotated text: `npm run train:clusters` reads the
 * 74,728 arXiv abstracts of ../shared/arxiv (CC0 metadata) and writes
 * src/extract/model/clusters.json. Words used in the same contexts share a cluster ("UNet",
 * "ResNet", "ViT"; "dehazing", "denoising", "deblurring"), so the tagger generalises from the
 * names it was taught to ones it never saw.
 *
 * How: each word's contexts (the word before, the word after, and the words two away) are summed
 * as random sparse signs (random indexing, 256 dimensions, contexts weighted by rarity), the
 * vectors centred and normalised, then split by seeded spherical k-means into 64 clusters and
 * each of those into 8: a two-level hierarchy the tagger reads as two features.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { clusterToken } from "../src/extract/model/clusters.js";
import { seededRandom } from "../src/random.js";
import { ARXIV_CORPUS, readArxiv } from "./arxiv.js";

const ROOT = join(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    corpus: { type: "string", default: ARXIV_CORPUS },
    seed: { type: "string", default: "1" },
  },
});
const OUT = join(ROOT, "src", "extract", "model", "clusters.json");
const VOCABULARY = 40_000;
const MIN_COUNT = 5;
const CONTEXTS = 5_000;
const DIMENSIONS = 256;
const NONZERO = 8;
const TOP = 64;
const SUB = 8;
const ITERATIONS = 12;

const random = seededRandom(Number(args.seed));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** Words as the tagger's clusters see them: lower-cased, surrounding punctuation stripped. */
function tokens(text: string): string[] {
  return text.split(/\s+/).flatMap((raw) => {
    const token = clusterToken(raw);
    return token ? [token] : [];
  });
}

const texts = (await readArxiv(args.corpus as string)).map((record) =>
  tokens(`${record.title ?? ""} . ${record.abstract ?? ""}`),
);
const counts = new Map<string, number>();
for (const text of texts) for (const t of text) counts.set(t, (counts.get(t) ?? 0) + 1);
const byFrequency = [...counts]
  .filter(([, n]) => n >= MIN_COUNT)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const words = byFrequency.slice(0, VOCABULARY).map(([w]) => w);
const wordIndex = new Map(words.map((w, i) => [w, i]));
const contextIndex = new Map(words.slice(0, CONTEXTS).map((w, i) => [w, i]));
const totalTokens = texts.reduce((n, t) => n + t.length, 0);
console.error(
  `${texts.length} abstracts, ${totalTokens} words, vocabulary ${words.length} (${elapsed()})`,
);

// Random signs for each (context word, slot): slot 0 the word before, 1 the word after, 2 two away.
const SLOTS = 3;
const signPositions = new Int32Array(CONTEXTS * SLOTS * NONZERO);
const signValues = new Float32Array(CONTEXTS * SLOTS * NONZERO);
for (let i = 0; i < CONTEXTS * SLOTS * NONZERO; i++) {
  signPositions[i] = Math.floor(random() * DIMENSIONS);
  signValues[i] = random() < 0.5 ? -1 : 1;
}
// Rare contexts say more than "the" or "of": each occurrence weighs log(N / count).
const contextWeight = Float32Array.from(words.slice(0, CONTEXTS), (w) =>
  Math.log(totalTokens / (counts.get(w) as number)),
);

const vectors = new Float32Array(words.length * DIMENSIONS);
function addContext(word: number, context: string | undefined, slot: number) {
  if (context === undefined) return;
  const c = contextIndex.get(context);
  if (c === undefined) return;
  const weight = contextWeight[c] as number;
  const base = (c * SLOTS + slot) * NONZERO;
  const row = word * DIMENSIONS;
  for (let k = 0; k < NONZERO; k++) {
    const at = row + (signPositions[base + k] as number);
    vectors[at] = (vectors[at] as number) + weight * (signValues[base + k] as number);
  }
}
for (const text of texts) {
  for (let i = 0; i < text.length; i++) {
    const w = wordIndex.get(text[i] as string);
    if (w === undefined) continue;
    addContext(w, text[i - 1], 0);
    addContext(w, text[i + 1], 1);
    addContext(w, text[i - 2], 2);
    addContext(w, text[i + 2], 2);
  }
}
console.error(`context vectors (${elapsed()})`);

// Centre (random indexing gives every word a shared component), then unit length.
const mean = new Float64Array(DIMENSIONS);
for (let w = 0; w < words.length; w++)
  for (let d = 0; d < DIMENSIONS; d++)
    mean[d] = (mean[d] as number) + (vectors[w * DIMENSIONS + d] as number);
for (let d = 0; d < DIMENSIONS; d++) mean[d] = (mean[d] as number) / words.length;
for (let w = 0; w < words.length; w++) {
  let norm = 0;
  for (let d = 0; d < DIMENSIONS; d++) {
    const v = (vectors[w * DIMENSIONS + d] as number) - (mean[d] as number);
    vectors[w * DIMENSIONS + d] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIMENSIONS; d++)
    vectors[w * DIMENSIONS + d] = (vectors[w * DIMENSIONS + d] as number) / norm;
}

/** Spherical k-means of the given words into k clusters, seeded from k of them. */
function kmeans(members: readonly number[], k: number): number[] {
  const assignment = new Array<number>(members.length).fill(0);
  if (members.length <= k) return members.map((_, i) => i);
  const centroids = new Float64Array(k * DIMENSIONS);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let m: number;
    do m = Math.floor(random() * members.length);
    while (picked.has(m));
    picked.add(m);
    for (let d = 0; d < DIMENSIONS; d++)
      centroids[c * DIMENSIONS + d] = vectors[(members[m] as number) * DIMENSIONS + d] as number;
  }
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    members.forEach((w, i) => {
      let best = 0;
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < DIMENSIONS; d++)
          dot +=
            (vectors[w * DIMENSIONS + d] as number) * (centroids[c * DIMENSIONS + d] as number);
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      assignment[i] = best;
    });
    centroids.fill(0);
    members.forEach((w, i) => {
      const c = assignment[i] as number;
      for (let d = 0; d < DIMENSIONS; d++)
        centroids[c * DIMENSIONS + d] =
          (centroids[c * DIMENSIONS + d] as number) + (vectors[w * DIMENSIONS + d] as number);
    });
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < DIMENSIONS; d++) norm += (centroids[c * DIMENSIONS + d] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < DIMENSIONS; d++)
        centroids[c * DIMENSIONS + d] = (centroids[c * DIMENSIONS + d] as number) / norm;
    }
  }
  return assignment;
}

const all = words.map((_, i) => i);
const top = kmeans(all, TOP);
const cluster = new Array<number>(words.length).fill(0);
for (let t = 0; t < TOP; t++) {
  const members = all.filter((_, i) => top[i] === t);
  const sub = kmeans(members, SUB);
  members.forEach((w, i) => {
    cluster[w] = t * SUB + (sub[i] as number);
  });
}
console.error(`clusters (${elapsed()})`);

const order = all.slice().sort((a, b) => ((words[a] as string) < (words[b] as string) ? -1 : 1));
writeFileSync(
  OUT,
  `${JSON.stringify({
    format: "papergraph-clusters/1",
    levels: [TOP, TOP * SUB],
    words: order.map((w) => words[w]),
    clusters: order.map((w) => cluster[w]),
  })}\n`,
);
console.error(`wrote ${OUT}: ${words.length} words in ${TOP * SUB} clusters (${elapsed()})`);
