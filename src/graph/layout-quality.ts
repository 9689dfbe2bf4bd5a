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

function silhouetteOf(points: readonly Placed[], measured: readonly Placed[]): number {
  const threads = new Map<number, number>();
  for (const p of points) threads.set(p.thread, (threads.get(p.thread) ?? 0) + 1);
  if (threads.size < 2) return 0;
  let total = 0;
  for (const p of measured) {
    const sums = new Map<number, number>();
    for (const q of points) {
      if (q === p) continue;
      sums.set(q.thread, (sums.get(q.thread) ?? 0) + Math.hypot(p.x - q.x, p.y - q.y));
    }
    const own = (threads.get(p.thread) as number) - 1;
    if (own === 0) continue;
    const a = (sums.get(p.thread) ?? 0) / own;
    let b = Number.POSITIVE_INFINITY;
    for (const [thread, sum] of sums)
      if (thread !== p.thread) b = Math.min(b, sum / (threads.get(thread) as number));
    total += (b - a) / Math.max(a, b);
  }
  return total / measured.length;
}

/** The k nearest nodes to a point, by a bounded insertion into a sorted list. */
function nearest(points: readonly Placed[], p: Placed, k: number): Set<string> {
  const best: { node: string; d: number }[] = [];
  for (const q of points) {
    if (q === p) continue;
    const d = (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
    if (best.length === k && d >= (best[k - 1] as { d: number }).d) continue;
    let i = best.length;
    while (i > 0 && (best[i - 1] as { d: number }).d > d) i--;
    best.splice(i, 0, { node: q.node, d });
    if (best.length > k) best.pop();
  }
  return new Set(best.map((b) => b.node));
}

function preservationOf(
  graph: KnowledgeGraph,
  points: readonly Placed[],
  measured: readonly Placed[],
): number {
  if (measured.length === 0) return 0;
  let total = 0;
  for (const p of measured) {
    const neighbours = graph.neighbors(p.node);
    const near = nearest(points, p, neighbours.length);
    total += neighbours.filter((n) => near.has(n)).length / neighbours.length;
  }
  return total / measured.length;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function layoutQuality(graph: KnowledgeGraph, seed = 11): LayoutQuality {
  const points: Placed[] = graph.mapNodes((node, { x, y, thread }) => ({ node, x, y, thread }));
  const inThreads = points.filter((p) => p.thread >= 0);
  const forSilhouette = sample(inThreads, SAMPLE, seed);
  const withFewNeighbours = points.filter((p) => {
    const degree = graph.degree(p.node);
    return degree >= 1 && degree <= 30;
  });
  const forPreservation = sample(withFewNeighbours, SAMPLE, seed + 1);
  return {
    silhouette: round(silhouetteOf(inThreads, forSilhouette)),
    preservation: round(preservationOf(graph, points, forPreservation)),
    sampled: { silhouette: forSilhouette.length, preservation: forPreservation.length },
  };
}
