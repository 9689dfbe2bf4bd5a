import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { seededRandom } from "../random.js";
import type { KnowledgeGraph } from "./build.js";
import { NO_THREAD_COLOR, THREAD_COLORS } from "./threads.js";

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

export interface LayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; more settle a large graph better and cost time. */
  iterations: number;
  /** A previous layout to keep (an incremental build): its nodes stay where they were. */
  start?: Positions;
}

export const DEFAULT_LAYOUT: LayoutOptions = { seed: 7, iterations: 300 };

/** Entities grow with the papers that name them; papers stay small so concepts stand out. */
function sizeOf(type: string, paperCount: number, degree: number): number {
  if (type === "paper") return 2 + Math.min(3, Math.sqrt(degree) / 2);
  return 4 + 2.5 * Math.sqrt(paperCount);
}

/** Size and colour (by thread) of every node. */
export function styleNodes(graph: KnowledgeGraph): void {
  graph.updateEachNodeAttributes((node, attributes) => ({
    ...attributes,
    size:
      Math.round(sizeOf(attributes.type, attributes.paperCount ?? 1, graph.degree(node)) * 100) /
      100,
    color:
      attributes.thread >= 0
        ? (THREAD_COLORS[attributes.thread % THREAD_COLORS.length] as string)
        : NO_THREAD_COLOR,
  }));
}

/**
 * Seeded start: each thread's nodes scattered around its own point on a circle, so ForceAtlas2
 * starts from the communities instead of untangling noise. Deterministic for a given seed.
 */
function seedPositions(graph: KnowledgeGraph, seed: number): void {
  const random = seededRandom(seed);
  // A loop, not Math.max(...spread): a spread of 100,000 arguments overflows the stack.
  let threads = 1;
  graph.forEachNode((_, a) => {
    threads = Math.max(threads, a.thread + 2);
  });
  const radius = 100 * Math.sqrt(graph.order);
  graph.forEachNode((node, { thread }) => {
    const angle = (2 * Math.PI * (thread + 1)) / threads;
    const spread = radius / Math.sqrt(threads);
    graph.mergeNodeAttributes(node, {
      x: radius * Math.cos(angle) + (random() - 0.5) * spread,
      y: radius * Math.sin(angle) + (random() - 0.5) * spread,
    });
  });
}

/**
 * Iterations for a graph of this many nodes: the full count up to 3,000 nodes, then fewer in
 * proportion (at least 15), so a 100,000-paper map is laid out in minutes, not hours.
 */
export function iterationsFor(order: number, iterations: number): number {
  return order <= 3000 ? iterations : Math.max(15, Math.round((iterations * 3000) / order));
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

function forceLayout(graph: KnowledgeGraph, options: LayoutOptions): void {
  seedPositions(graph, options.seed);
  const settings = forceAtlas2.inferSettings(graph);
  // LinLog with hub dissuasion pulls each thread into its own island instead of one hairball.
  forceAtlas2.assign(graph, {
    iterations: iterationsFor(graph.order, options.iterations),
    getEdgeWeight: "weight",
    settings: {
      ...settings,
      barnesHutOptimize: graph.order > 2000,
      linLogMode: true,
      outboundAttractionDistribution: true,
      adjustSizes: false,
      scalingRatio: 4,
      gravity: 0.3,
      strongGravityMode: true,
      slowDown: 1,
    },
  });
  const overlapPasses = noverlapIterationsFor(graph.order);
  if (overlapPasses > 0)
    noverlap.assign(graph, { maxIterations: overlapPasses, settings: { ratio: 1.2, margin: 2 } });
}
