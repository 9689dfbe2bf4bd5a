/**
 * How well a map shows its graph, measured on node positions (`papergraph stats --layout`):
 *
 * - silhouette: the mean silhouette coefficient of the thread attribute over (x, y), for nodes in
 *   a thread: near 1 when threads are separate regions, near 0 when they mix.
 * - preservation: for each node with 1–30 neighbours, the share of its graph neighbours among its
 *   k nearest nodes on the map (k its degree), averaged: how often what is linked is near.
 *
 * Both are computed on a seeded sample of nodes (every node of a small graph), each sampled node
 * measured against all others, so a 400,000-node map is measured in seconds.
 */
import { seededRandom } from "../random.js";
import type { KnowledgeGraph } from "./build.js";

export interface LayoutQuality {
  silhouette: number;
  preservation: number;
  /** Nodes measured for each figure. */
  sampled: { silhouette: number; preservation: number };
}

/** Nodes measured per figure: the estimate's standard error is then about 0.01. */
const SAMPLE = 2000;

interface Placed {
  node: string;
  x: number;
  y: number;
  thread: number;
}

/** Up to `size` of the items, chosen by a seeded generator, in their original order. */
function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (items.length <= size) return [...items];
  const random = seededRandom(seed);
  const chosen = new Set<number>();
  while (chosen.size < size) chosen.add(Math.floor(random() * items.length));
  return [...chosen].sort((a, b) => a - b).map((i) => items[i] as T);
}

/** Points as flat arrays: x, y and a thread index each, for loops over hundreds of thousands. */
interface Columns {
  x: Float64Array;
  y: Float64Array;
  group: Int32Array;
  groups: number;
}

function columnsOf(points: readonly Placed[]): Columns {
  const ids = new Map<number, number>();
  const group = new Int32Array(points.length);
  points.forEach((p, i) => {
    let id = ids.get(p.thread);
    if (id === undefined) {
      id = ids.size;
      ids.set(p.thread, id);
    }
    group[i] = id;
  });
  return {
    x: Float64Array.from(points, (p) => p.x),
    y: Float64Array.from(points, (p) => p.y),
    group,
    groups: ids.size,
  };
}

function silhouetteOf(points: readonly Placed[], measured: readonly number[]): number {
  const { x, y, group, groups } = columnsOf(points);
  if (groups < 2 || measured.length === 0) return 0;
  const sizes = new Float64Array(groups);
  for (const g of group) sizes[g] = (sizes[g] as number) + 1;
  const sums = new Float64Array(groups);
  let total = 0;
  for (const i of measured) {
    sums.fill(0);
    const [px, py] = [x[i] as number, y[i] as number];
    for (let j = 0; j < x.length; j++) {
      const g = group[j] as number;
      sums[g] = (sums[g] as number) + Math.hypot(px - (x[j] as number), py - (y[j] as number));
    }
    const own = group[i] as number;
    if ((sizes[own] as number) <= 1) continue;
    const a = (sums[own] as number) / ((sizes[own] as number) - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let g = 0; g < groups; g++)
      if (g !== own) b = Math.min(b, (sums[g] as number) / (sizes[g] as number));
    total += (b - a) / Math.max(a, b);
  }
  return total / measured.length;
}

/**
 * The k nearest points to each asked one, through a grid of square cells: rings of cells are
 * searched outwards until no nearer point can lie beyond them.
 */
function nearestFinder(points: readonly Placed[]) {
  const { x, y } = columnsOf(points);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < x.length; i++) {
    minX = Math.min(minX, x[i] as number);
    maxX = Math.max(maxX, x[i] as number);
    minY = Math.min(minY, y[i] as number);
    maxY = Math.max(maxY, y[i] as number);
  }
  const side = Math.max(1, Math.ceil(Math.sqrt(x.length / 4)));
  const cell = Math.max(maxX - minX, maxY - minY, 1e-9) / side;
  const cellOf = (v: number, min: number) => Math.min(side - 1, Math.floor((v - min) / cell));
  const cells = new Map<number, number[]>();
  for (let i = 0; i < x.length; i++) {
    const key = cellOf(y[i] as number, minY) * side + cellOf(x[i] as number, minX);
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  }
  return (i: number, k: number): number[] => {
    const [px, py] = [x[i] as number, y[i] as number];
    const [cx, cy] = [cellOf(px, minX), cellOf(py, minY)];
    const best: { j: number; d: number }[] = [];
    const consider = (j: number) => {
      if (j === i) return;
      const d = ((x[j] as number) - px) ** 2 + ((y[j] as number) - py) ** 2;
      if (best.length === k && d >= (best[k - 1] as { d: number }).d) return;
      let at = best.length;
      while (at > 0 && (best[at - 1] as { d: number }).d > d) at--;
      best.splice(at, 0, { j, d });
      if (best.length > k) best.pop();
    };
    for (let ring = 0; ring < side; ring++) {
      for (let gy = cy - ring; gy <= cy + ring; gy++)
        for (let gx = cx - ring; gx <= cx + ring; gx++) {
          if (Math.max(Math.abs(gx - cx), Math.abs(gy - cy)) !== ring) continue;
          if (gx < 0 || gy < 0 || gx >= side || gy >= side) continue;
          for (const j of cells.get(gy * side + gx) ?? []) consider(j);
        }
      // Every point beyond this ring is at least `ring` cells away.
      const reach = ring * cell;
      if (best.length === k && (best[k - 1] as { d: number }).d <= reach * reach) break;
    }
    return best.map((b) => b.j);
  };
}

function preservationOf(
  graph: KnowledgeGraph,
  points: readonly Placed[],
  measured: readonly number[],
): number {
  if (measured.length === 0) return 0;
  const nearest = nearestFinder(points);
  let total = 0;
  for (const i of measured) {
    const p = points[i] as Placed;
    const neighbours = graph.neighbors(p.node);
    const near = new Set(nearest(i, neighbours.length).map((j) => (points[j] as Placed).node));
    total += neighbours.filter((n) => near.has(n)).length / neighbours.length;
  }
  return total / measured.length;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function layoutQuality(graph: KnowledgeGraph, seed = 11): LayoutQuality {
  const points: Placed[] = graph.mapNodes((node, { x, y, thread }) => ({ node, x, y, thread }));
  const inThreads = points.filter((p) => p.thread >= 0);
  const forSilhouette = sample([...inThreads.keys()], SAMPLE, seed);
  const withFewNeighbours = [...points.keys()].filter((i) => {
    const degree = graph.degree((points[i] as Placed).node);
    return degree >= 1 && degree <= 30;
  });
  const forPreservation = sample(withFewNeighbours, SAMPLE, seed + 1);
  return {
    silhouette: round(silhouetteOf(inThreads, forSilhouette)),
    preservation: round(preservationOf(graph, points, forPreservation)),
    sampled: { silhouette: forSilhouette.length, preservation: forPreservation.length },
  };
}
