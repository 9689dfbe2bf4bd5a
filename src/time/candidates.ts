/**
 * Candidate pairs for link prediction: two entities of a typed pair (a method and a task, say),
 * each named by enough papers, that no paper names together yet; with what the graph says of
 * them (their common neighbours, and Adamic–Adar's weighing of those by how rare each is).
 */
import type { EntityType } from "../types.js";
import type { Snapshot } from "./snapshot.js";

/** The pairs of types a gap may join: what a researcher would try next on what. */
export const PAIR_TYPES = {
  "method-task": ["method", "task"],
  "method-dataset": ["method", "dataset"],
  "task-dataset": ["task", "dataset"],
  "task-invariance": ["task", "invariance"],
} as const satisfies Record<string, readonly [EntityType, EntityType]>;

export type PairType = keyof typeof PAIR_TYPES;

export const PAIR_TYPE_NAMES = Object.keys(PAIR_TYPES) as PairType[];

/** One candidate: member indices `a` (of the pair's first type) and `b`, and their neighbourhood. */
export interface Candidate {
  pairType: PairType;
  a: number;
  b: number;
  /** Neighbours both have, and those neighbours weighed: by 1/ln(degree) (Adamic–Adar), and by
   * the product of the two links' positive PMI and of their positive NPMI. */
  common: number;
  adamicAdar: number;
  pmi: number;
  npmi: number;
  /**
   * Papers that would name both, were each shared neighbour's papers to name each side as often
   * as they do: the sum over shared neighbours of (papers naming a and it) × (papers naming b and
   * it) / (papers naming it).
   */
  expected: number;
  /** Neighbours both have through the papers of the last months. */
  recentCommon: number;
}

export function degree(snapshot: Snapshot, member: number): number {
  return (snapshot.offsets[member + 1] as number) - (snapshot.offsets[member] as number);
}

/** The first position in sorted values[from..to) holding `value` or more. */
function lowerBound(values: Int32Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Visits every candidate of a pair type, `a` in index order and `b` within it; with `only`, just
 * those whose `a` (or, when `only` is of the second type, whose `b`) is that member. The candidate
 * object is reused from one call to the next.
 */
export function forEachCandidate(
  snapshot: Snapshot,
  pairType: PairType,
  visit: (candidate: Candidate) => void,
  only?: number,
): void {
  const [typeA, typeB] = PAIR_TYPES[pairType];
  let [fromA, toA] = snapshot.ranges[typeA];
  let [fromB, toB] = snapshot.ranges[typeB];
  const flipped = only !== undefined && only >= fromB && only < toB;
  if (only !== undefined) {
    if (flipped) [fromA, toA, fromB, toB] = [fromB, toB, fromA, toA];
    if (only < fromA || only >= toA) return;
    [fromA, toA] = [only, only + 1];
  }
  const { offsets, neighbours, weights, papers, pmi, npmi, recentOffsets, recentNeighbours } =
    snapshot;
  const width = toB - fromB;
  const common = new Int32Array(width);
  const adamicAdar = new Float64Array(width);
  const pmiSum = new Float64Array(width);
  const npmiSum = new Float64Array(width);
  const expected = new Float64Array(width);
  const recentCommon = new Int32Array(width);
  const isLinked = new Uint8Array(width);
  const candidate: Candidate = {
    pairType,
    a: 0,
    b: 0,
    common: 0,
    adamicAdar: 0,
    pmi: 0,
    npmi: 0,
    expected: 0,
    recentCommon: 0,
  };
  for (let a = fromA; a < toA; a++) {
    for (let k = offsets[a] as number; k < (offsets[a + 1] as number); k++) {
      const w = neighbours[k] as number;
      if (w >= fromB && w < toB) isLinked[w - fromB] = 1;
      const weight = 1 / Math.log(degree(snapshot, w));
      const pmiAW = Math.max(0, pmi[k] as number);
      const npmiAW = Math.max(0, npmi[k] as number);
      const share = (weights[k] as number) / (papers[w] as number);
      const end = offsets[w + 1] as number;
      for (let m = lowerBound(neighbours, offsets[w] as number, end, fromB); m < end; m++) {
        const i = (neighbours[m] as number) - fromB;
        if (i >= width) break;
        (common[i] as number)++;
        (adamicAdar[i] as number) += weight;
        (pmiSum[i] as number) += pmiAW * Math.max(0, pmi[m] as number);
        (npmiSum[i] as number) += npmiAW * Math.max(0, npmi[m] as number);
        (expected[i] as number) += share * (weights[m] as number);
      }
    }
    for (let k = recentOffsets[a] as number; k < (recentOffsets[a + 1] as number); k++) {
      const w = recentNeighbours[k] as number;
      const end = recentOffsets[w + 1] as number;
      for (
        let m = lowerBound(recentNeighbours, recentOffsets[w] as number, end, fromB);
        m < end;
        m++
      ) {
        const i = (recentNeighbours[m] as number) - fromB;
        if (i >= width) break;
        (recentCommon[i] as number)++;
      }
    }
    for (let b = fromB; b < toB; b++) {
      const i = b - fromB;
      if (!isLinked[i]) {
        candidate.a = flipped ? b : a;
        candidate.b = flipped ? a : b;
        candidate.common = common[i] as number;
        candidate.adamicAdar = adamicAdar[i] as number;
        candidate.pmi = pmiSum[i] as number;
        candidate.npmi = npmiSum[i] as number;
        candidate.expected = expected[i] as number;
        candidate.recentCommon = recentCommon[i] as number;
        visit(candidate);
      }
    }
    for (const sums of [common, adamicAdar, pmiSum, npmiSum, expected, recentCommon, isLinked])
      sums.fill(0);
  }
}

/** How many candidates a pair type has: all its pairs but the linked ones. */
export function candidateCount(snapshot: Snapshot, pairType: PairType): number {
  const [typeA, typeB] = PAIR_TYPES[pairType];
  const [fromA, toA] = snapshot.ranges[typeA];
  const [fromB, toB] = snapshot.ranges[typeB];
  let count = (toA - fromA) * (toB - fromB);
  for (let a = fromA; a < toA; a++)
    for (let k = snapshot.offsets[a] as number; k < (snapshot.offsets[a + 1] as number); k++) {
      const w = snapshot.neighbours[k] as number;
      if (w >= fromB && w < toB) count--;
    }
  return count;
}
