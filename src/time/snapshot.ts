/**
 * The field as it stood at a cutoff: of the papers before it, how many name each entity (and how
 * many of them lately), which entities are named by enough papers to be paired, the graph of
 * those entities (two are linked when a paper names both), and its threads.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { seededRandom } from "../random.js";
import { ENTITY_TYPES, type EntityType } from "../types.js";
import type { Incidence } from "./incidence.js";

/** Papers an entity needs before the cutoff to be paired: the backtest's rule, and the gaps'. */
export const MIN_PAPERS = 3;
/** The seed of the threads found in a snapshot. */
const THREAD_SEED = 42;

export interface Snapshot {
  /** The entity number of each member (an entity with MIN_PAPERS papers), by member index. */
  members: Int32Array;
  /** Each entity number's member index, -1 for those with too few papers. */
  memberOf: Int32Array;
  /** The member indices of each type: [start, end). */
  ranges: Record<EntityType, [number, number]>;
  /** Papers naming each member, and those of them in the last months before the cutoff. */
  papers: Int32Array;
  recent: Int32Array;
  /** Linked members, as rows sorted by index: row i is neighbours[offsets[i]..offsets[i+1]). */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Papers naming both ends of each link. */
  weights: Int32Array;
  /** Each link's pointwise mutual information, and its normalised form (NPMI, up to 1). */
  pmi: Float64Array;
  npmi: Float64Array;
  /** The links that papers of the last months make, as rows like `offsets` and `neighbours`. */
  recentOffsets: Int32Array;
  recentNeighbours: Int32Array;
  /** Papers before the cutoff. */
  paperCount: number;
  /** Each member's thread in this snapshot's own graph. */
  threads: Int32Array;
}

export interface SnapshotPapers {
  /** Whether a paper counts (comes before the cutoff). */
  before: (paper: Incidence["papers"][number]) => boolean;
  /** Whether a counted paper is one of the last months' before the cutoff. */
  recent: (paper: Incidence["papers"][number]) => boolean;
}

/** Rows of neighbours as one sorted array and its offsets, with how often each pair was seen. */
function compressedRows(rows: number[][]): {
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Int32Array;
} {
  const offsets = new Int32Array(rows.length + 1);
  const neighbourList: number[] = [];
  const weightList: number[] = [];
  rows.forEach((row, i) => {
    const { ids, counts } = sortedUnique(row);
    for (let k = 0; k < ids.length; k++) {
      neighbourList.push(ids[k] as number);
      weightList.push(counts[k] as number);
    }
    offsets[i + 1] = neighbourList.length;
    rows[i] = [];
  });
  return {
    offsets,
    neighbours: Int32Array.from(neighbourList),
    weights: Int32Array.from(weightList),
  };
}

function sortedUnique(row: number[]): { ids: number[]; counts: number[] } {
  row.sort((a, b) => a - b);
  const ids: number[] = [];
  const counts: number[] = [];
  for (const id of row) {
    if (ids.at(-1) === id) counts[counts.length - 1] = (counts.at(-1) as number) + 1;
    else {
      ids.push(id);
      counts.push(1);
    }
  }
  return { ids, counts };
}

function louvainThreads(offsets: Int32Array, neighbours: Int32Array, weights: Int32Array) {
  const graph = new Graph({ type: "undirected" });
  const n = offsets.length - 1;
  for (let i = 0; i < n; i++) graph.addNode(i);
  for (let i = 0; i < n; i++)
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const j = neighbours[k] as number;
      if (j > i) graph.addUndirectedEdge(i, j, { weight: weights[k] });
    }
  const communities = louvain(graph, { getEdgeWeight: "weight", rng: seededRandom(THREAD_SEED) });
  return Int32Array.from({ length: n }, (_, i) => communities[i] as number);
}

export function takeSnapshot(incidence: Incidence, which: SnapshotPapers): Snapshot {
  const total = incidence.ids.length;
  const counts = new Int32Array(total);
  const recentCounts = new Int32Array(total);
  const counted = incidence.papers.filter(which.before);
  for (const paper of counted) {
    const lately = which.recent(paper);
    for (const e of paper.entities) {
      (counts[e] as number)++;
      if (lately) (recentCounts[e] as number)++;
    }
  }
  const memberOf = new Int32Array(total).fill(-1);
  const members: number[] = [];
  const ranges = {} as Record<EntityType, [number, number]>;
  for (const type of ENTITY_TYPES) {
    const start = members.length;
    const [from, to] = incidence.ranges[type];
    for (let e = from; e < to; e++)
      if ((counts[e] as number) >= MIN_PAPERS) {
        memberOf[e] = members.length;
        members.push(e);
      }
    ranges[type] = [start, members.length];
  }
  const rows: number[][] = members.map(() => []);
  const recentRows: number[][] = members.map(() => []);
  for (const paper of counted) {
    const named: number[] = [];
    for (const e of paper.entities)
      if ((memberOf[e] as number) >= 0) named.push(memberOf[e] as number);
    const lately = which.recent(paper);
    for (const a of named)
      for (const b of named) {
        if (a === b) continue;
        (rows[a] as number[]).push(b);
        if (lately) (recentRows[a] as number[]).push(b);
      }
  }
  const { offsets, neighbours, weights } = compressedRows(rows);
  const recent = compressedRows(recentRows);
  const memberIds = Int32Array.from(members);
  const papers = memberIds.map((e) => counts[e] as number);
  const paperCount = counted.length;
  const pmi = new Float64Array(neighbours.length);
  const npmi = new Float64Array(neighbours.length);
  for (let a = 0; a < members.length; a++)
    for (let k = offsets[a] as number; k < (offsets[a + 1] as number); k++) {
      const together = (weights[k] as number) / paperCount;
      const value = Math.log(
        together /
          (((papers[a] as number) / paperCount) *
            ((papers[neighbours[k] as number] as number) / paperCount)),
      );
      pmi[k] = value;
      npmi[k] = together < 1 ? value / -Math.log(together) : 1;
    }
  return {
    members: memberIds,
    memberOf,
    ranges,
    papers,
    recent: memberIds.map((e) => recentCounts[e] as number),
    offsets,
    neighbours,
    weights,
    pmi,
    npmi,
    recentOffsets: recent.offsets,
    recentNeighbours: recent.neighbours,
    paperCount,
    threads: louvainThreads(offsets, neighbours, weights),
  };
}

/** Whether two members are linked: a paper before the cutoff names both. */
export function linked(snapshot: Snapshot, a: number, b: number): boolean {
  const { offsets, neighbours } = snapshot;
  let lo = offsets[a] as number;
  let hi = (offsets[a + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = neighbours[mid] as number;
    if (value === b) return true;
    if (value < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
