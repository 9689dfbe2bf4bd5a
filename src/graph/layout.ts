import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { KnowledgeGraph } from "./build.js";
import { seededRandom } from "./random.js";
import { NO_THREAD_COLOR, THREAD_COLORS } from "./threads.js";

export type Positions = ReadonlyMap<string, { x: number; y: number }>;

export interface LayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; more settle a large graph better and cost time. */
  iterations: number;
  /** A previous layout (an incremental build): kept nodes start where they were. */
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

/**
 * Start from a previous layout: kept nodes where they were, new ones beside a placed neighbour
 * (or at a seeded random spot), so a few iterations settle what changed.
 */
function seedFromPrevious(graph: KnowledgeGraph, start: Positions, seed: number): void {
  const random = seededRandom(seed);
  const spread = 50;
  graph.forEachNode((node) => {
    const known = start.get(node);
    if (known) {
      graph.mergeNodeAttributes(node, known);
      return;
    }
    const anchor = graph
      .neighbors(node)
      .sort()
      .find((n) => start.has(n));
    const at = anchor ? (start.get(anchor) as { x: number; y: number }) : { x: 0, y: 0 };
    graph.mergeNodeAttributes(node, {
      x: at.x + (random() - 0.5) * spread,
      y: at.y + (random() - 0.5) * spread,
    });
  });
}

/** Seeded positions (or a previous layout), ForceAtlas2, then noverlap, rounded so the output diffs cleanly. */
export function layoutGraph(graph: KnowledgeGraph, options: LayoutOptions = DEFAULT_LAYOUT): void {
  if (graph.order === 0) return;
  const incremental =
    options.start !== undefined &&
    graph.filterNodes((n) => options.start?.has(n)).length > graph.order / 2;
  if (incremental) seedFromPrevious(graph, options.start as Positions, options.seed);
  else seedPositions(graph, options.seed);
  const iterations = iterationsFor(graph.order, options.iterations);
  const settings = forceAtlas2.inferSettings(graph);
  // LinLog with hub dissuasion pulls each thread into its own island instead of one hairball.
  forceAtlas2.assign(graph, {
    iterations: incremental ? Math.max(5, Math.round(iterations / 10)) : iterations,
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
  // An incremental layout starts from a de-overlapped one: its few moved nodes are left as they fall.
  const overlapPasses = incremental ? 0 : noverlapIterationsFor(graph.order);
  if (overlapPasses > 0)
    noverlap.assign(graph, { maxIterations: overlapPasses, settings: { ratio: 1.2, margin: 2 } });
  graph.updateEachNodeAttributes((_, attributes) => ({
    ...attributes,
    x: Math.round(attributes.x * 100) / 100,
    y: Math.round(attributes.y * 100) / 100,
  }));
}
