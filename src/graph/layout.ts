import noverlap from "graphology-layout-noverlap";
import { seededRandom } from "../random.js";
import type { KnowledgeGraph } from "./build.js";
import { regionLayout } from "./regions.js";
import { threadColor } from "./threads.js";

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

export interface LayoutOptions {
  seed: number;
  /** The most ForceAtlas2 iterations a thread's layout runs (fewer for a large thread). */
  iterations: number;
  /** A previous layout to keep (an incremental build): its nodes stay where they were. */
  start?: Positions;
  /** Threads that lay out the research threads; undefined: one per core, on a large map only. */
  workers?: number;
}

export const DEFAULT_LAYOUT: LayoutOptions = { seed: 7, iterations: 400 };

/**
 * Entities grow with the papers that name them, by the logarithm: an entity a thousand papers
 * name stands out without covering its region. Papers stay small so concepts stand out.
 */
export function nodeSize(type: string, paperCount: number, degree: number): number {
  const size =
    type === "paper" ? 2 + Math.min(3, Math.sqrt(degree) / 2) : 3 + 2.2 * Math.log2(1 + paperCount);
  return Math.round(size * 100) / 100;
}

/** Size and colour (by thread) of every node. */
export function styleNodes(graph: KnowledgeGraph): void {
  graph.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    size: nodeSize(attributes.type, attributes.paperCount ?? 1, graph.degree(node)),
    color: threadColor(attributes.thread),
  }));
}

/**
 * noverlap passes: it costs more than ForceAtlas2 on large graphs (7 s for 100 passes over 7,000
 * nodes), and a map of tens of thousands of nodes is never read at the scale where overlaps show.
 */
export function noverlapIterationsFor(order: number): number {
  if (order <= 3000) return 100;
  return order <= 30_000 ? Math.round((100 * 3000) / order) : 0;
}

type Point = { x: number; y: number };

/** The mean position of a node's already placed neighbours, if it has any. */
function neighbourMean(graph: KnowledgeGraph, node: string, placed: Positions): Point | undefined {
  let x = 0;
  let y = 0;
  let count = 0;
  graph.forEachNeighbor(node, (neighbour) => {
    const at = placed.get(neighbour);
    if (!at) return;
    x += at.x;
    y += at.y;
    count++;
  });
  return count > 0 ? { x: x / count, y: y / count } : undefined;
}

/**
 * An incremental layout keeps the map a reader already knows: every node of the previous layout
 * stays where it was, and each new node goes where its placed neighbours are (a new paper among
 * the entities it names, a new entity beside its papers), in rounds until all are placed. New
 * papers that name only new entities start at seeded spots on the rim of the map, and their
 * entities follow them.
 */
function placeNewNodes(graph: KnowledgeGraph, start: Positions, seed: number): void {
  const random = seededRandom(seed);
  const jitter = () => (random() - 0.5) * 20;
  const placed = new Map<string, Point>();
  let rim = 0;
  let pending: string[] = [];
  graph.forEachNode((node) => {
    const at = start.get(node);
    if (!at) pending.push(node);
    else {
      placed.set(node, at);
      rim = Math.max(rim, Math.hypot(at.x, at.y));
    }
  });
  while (pending.length > 0) {
    const round = new Map<string, Point>();
    for (const node of pending) {
      const mean = neighbourMean(graph, node, placed);
      if (mean) round.set(node, { x: mean.x + jitter(), y: mean.y + jitter() });
    }
    if (round.size === 0) {
      const papers = pending.filter((node) => graph.getNodeAttribute(node, "type") === "paper");
      for (const node of papers.length > 0 ? papers : pending) {
        const angle = 2 * Math.PI * random();
        round.set(node, { x: rim * Math.cos(angle), y: rim * Math.sin(angle) });
      }
    }
    for (const [node, at] of round) placed.set(node, at);
    pending = pending.filter((node) => !round.has(node));
  }
  graph.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    ...(placed.get(node) as Point),
  }));
}

/**
 * A fresh layout: seeded positions, ForceAtlas2, then noverlap; or, given a previous layout, that
 * layout kept and only new nodes placed. Rounded so outputs diff cleanly.
 */
export function layoutGraph(graph: KnowledgeGraph, options: LayoutOptions = DEFAULT_LAYOUT): void {
  if (graph.order === 0) return;
  if (options.start) placeNewNodes(graph, options.start, options.seed);
  else forceLayout(graph, options);
  graph.updateEachNodeAttributes((_, attributes) => ({
    ...attributes,
    x: Math.round(attributes.x * 100) / 100,
    y: Math.round(attributes.y * 100) / 100,
  }));
}

/**
 * Threads as regions (regionLayout), nodes in no thread beside their neighbours, then, on a graph
 * small enough to be read node by node, noverlap.
 */
function forceLayout(graph: KnowledgeGraph, options: LayoutOptions): void {
  placeNewNodes(graph, regionLayout(graph, options), options.seed);
  const overlapPasses = noverlapIterationsFor(graph.order);
  if (overlapPasses > 0)
    noverlap.assign(graph, { maxIterations: overlapPasses, settings: { ratio: 1.2, margin: 2 } });
}
