/**
 * One thread's layout as plain data, so it runs where there is a core free: the thread's nodes
 * by index, which are leaves and of whom, and the links among the rest, in the order the layout
 * meets them. `layoutRegion` is pure: on this thread or another, a job gives the same positions.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { seededRandom } from "../random.js";
import type { KnowledgeGraph } from "./build.js";

export interface RegionJob {
  /** Nodes of the thread. */
  count: number;
  /** For each node, the index of the one neighbour it hangs from when it is a leaf, else -1. */
  leafOf: Int32Array;
  /** Links among the other nodes (the core), as pairs of node indices, in the order met. */
  links: Int32Array;
  weights: Float64Array;
  seed: number;
  maxIterations: number;
}

/** Node-iterations a thread's layout may spend: a small thread converges, a large one settles. */
const THREAD_BUDGET = 200_000;
const MIN_ITERATIONS = 30;
/** Leaves go around their one neighbour at this share of the spacing between laid-out nodes. */
const LEAF_RADIUS = 0.3;
/** Leaves on one ring around a node before the next ring starts: six keep the node nearest. */
const LEAVES_PER_RING = 6;

/**
 * A thread's job: a leaf is a node with one link (most often an entity one paper names) whose
 * neighbour, in the thread, has more; the core's links are those each core node starts, in the
 * graph's order (the graph is simple: each link is met once).
 */
export function regionJob(
  graph: KnowledgeGraph,
  nodes: readonly string[],
  seed: number,
  maxIterations: number,
): RegionJob {
  const index = new Map(nodes.map((node, i) => [node, i]));
  const leafOf = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((node, i) => {
    if (graph.degree(node) !== 1) return;
    const [neighbour] = graph.neighbors(node);
    const parent = neighbour === undefined ? undefined : index.get(neighbour);
    if (parent !== undefined && graph.degree(neighbour as string) > 1) leafOf[i] = parent;
  });
  let most = 0;
  nodes.forEach((node, i) => {
    if (leafOf[i] === -1) most += graph.degree(node);
  });
  const links = new Int32Array(2 * most);
  const weights = new Float64Array(most);
  let count = 0;
  nodes.forEach((node, i) => {
    if (leafOf[i] !== -1) return;
    graph.forEachEdge(node, (_, { weight }, source, target) => {
      const j = index.get(target);
      if (source !== node || j === undefined || leafOf[j] !== -1) return;
      links[2 * count] = i;
      links[2 * count + 1] = j;
      weights[count++] = weight;
    });
  });
  return {
    count: nodes.length,
    leafOf,
    links: links.slice(0, 2 * count),
    weights: weights.slice(0, count),
    seed,
    maxIterations,
  };
}

/** ForceAtlas2 on the core, normalised: nine in ten within radius 1 of (0, 0); x, y pairs. */
function layoutCore(job: RegionJob, core: readonly number[]): Float64Array {
  const at = new Float64Array(2 * job.count);
  if (core.length <= 1) return at;
  const inside = new Graph({ type: "undirected" });
  const random = seededRandom(job.seed);
  for (const i of core) inside.addNode(String(i), { x: random() - 0.5, y: random() - 0.5 });
  for (let l = 0; l < job.weights.length; l++)
    inside.addEdge(String(job.links[2 * l]), String(job.links[2 * l + 1]), {
      weight: job.weights[l],
    });
  const iterations = Math.min(
    job.maxIterations,
    Math.max(MIN_ITERATIONS, Math.round(THREAD_BUDGET / core.length)),
  );
  forceAtlas2.assign(inside, {
    iterations,
    getEdgeWeight: "weight",
    settings: {
      ...forceAtlas2.inferSettings(inside),
      barnesHutOptimize: core.length > 500,
      linLogMode: true,
      gravity: 1,
    },
  });
  const points = core.map((i) => inside.getNodeAttributes(String(i)) as { x: number; y: number });
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const distances = points.map((p) => Math.hypot(p.x - cx, p.y - cy)).sort((a, b) => a - b);
  const scale = distances[Math.floor(0.9 * (distances.length - 1))] || 1;
  core.forEach((i, k) => {
    const p = points[k] as { x: number; y: number };
    at[2 * i] = (p.x - cx) / scale;
    at[2 * i + 1] = (p.y - cy) / scale;
  });
  return at;
}

/**
 * A thread's own graph laid out around (0, 0), as x, y pairs by node: ForceAtlas2 on its core,
 * then each leaf on a small ring around its neighbour.
 */
export function layoutRegion(job: RegionJob): Float64Array {
  const core: number[] = [];
  for (let i = 0; i < job.count; i++) if (job.leafOf[i] === -1) core.push(i);
  const at = layoutCore(job, core);
  const spacing = LEAF_RADIUS / Math.sqrt(core.length);
  const rings = new Map<number, number>();
  for (let i = 0; i < job.count; i++) {
    const parent = job.leafOf[i] as number;
    if (parent === -1) continue;
    const index = rings.get(parent) ?? 0;
    rings.set(parent, index + 1);
    const ring = Math.floor(index / LEAVES_PER_RING) + 1;
    const angle = (2 * Math.PI * (index % LEAVES_PER_RING)) / LEAVES_PER_RING + ring * 0.5;
    at[2 * i] = (at[2 * parent] as number) + spacing * ring * Math.cos(angle);
    at[2 * i + 1] = (at[2 * parent + 1] as number) + spacing * ring * Math.sin(angle);
  }
  return at;
}
