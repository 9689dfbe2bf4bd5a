/**
 * A map where research threads are regions and what is linked is near: the threads are laid out
 * first (ForceAtlas2 on the graph of threads, each a disc whose area grows with its nodes, then
 * the discs pushed apart until none overlap), then each thread's own graph inside its disc
 * (ForceAtlas2 run to convergence within an iteration budget). Nodes in no thread go beside
 * their placed neighbours. Deterministic: seeded starts, nodes and threads in a fixed order.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { seededRandom } from "../random.js";
import type { KnowledgeGraph } from "./build.js";
import { threadMembers } from "./threads.js";

type Point = { x: number; y: number };

/** A thread's disc on the map: its centre and radius. */
interface Region extends Point {
  thread: number;
  radius: number;
  nodes: string[];
}

/** Map units per node of a thread's disc area: a disc's radius is this times √nodes. */
const UNIT = 30;
/** Node-iterations a thread's layout may spend: a small thread converges, a large one settles. */
const THREAD_BUDGET = 200_000;
const MIN_ITERATIONS = 30;
/** Space left between two discs, as a share of their radii: white space tells regions apart. */
const GAP = 0.4;
/** Leaves go around their one neighbour at this share of the spacing between laid-out nodes. */
const LEAF_RADIUS = 0.3;
/** Leaves on one ring around a node before the next ring starts: six keep the node nearest. */
const LEAVES_PER_RING = 6;

/** The weight of the edges between each two threads. */
function threadGraph(graph: KnowledgeGraph, regions: readonly Region[]): Graph {
  const between = new Graph({ type: "undirected" });
  for (const region of regions)
    between.addNode(String(region.thread), { size: region.radius, x: 0, y: 0 });
  graph.forEachEdge((_, { weight }, _s, _t, source, target) => {
    if (source.thread < 0 || target.thread < 0 || source.thread === target.thread) return;
    const [a, b] = [String(source.thread), String(target.thread)];
    if (between.hasEdge(a, b)) between.updateEdgeAttribute(a, b, "weight", (w) => w + weight);
    else between.addEdge(a, b, { weight });
  });
  return between;
}

/** Pushes overlapping discs apart, largest moving least, until none overlap. */
function separate(regions: Region[]): void {
  for (let pass = 0; pass < 500; pass++) {
    let moved = false;
    for (let i = 0; i < regions.length; i++)
      for (let j = i + 1; j < regions.length; j++) {
        const [a, b] = [regions[i] as Region, regions[j] as Region];
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const distance = Math.hypot(dx, dy) || 1e-6;
        const overlap = (a.radius + b.radius) * (1 + GAP) - distance;
        if (overlap <= 0) continue;
        moved = true;
        const share = b.radius / (a.radius + b.radius);
        const [ux, uy] = distance > 1e-6 ? [dx / distance, dy / distance] : [1, 0];
        a.x -= ux * overlap * share;
        a.y -= uy * overlap * share;
        b.x += ux * overlap * (1 - share);
        b.y += uy * overlap * (1 - share);
      }
    if (!moved) return;
  }
}

/** Places the threads' discs: related threads side by side, none overlapping. */
function placeRegions(graph: KnowledgeGraph, regions: Region[], seed: number): void {
  const between = threadGraph(graph, regions);
  const random = seededRandom(seed);
  const spread = UNIT * Math.sqrt(graph.order);
  between.forEachNode((node) => {
    between.mergeNodeAttributes(node, {
      x: (random() - 0.5) * spread,
      y: (random() - 0.5) * spread,
    });
  });
  if (between.size > 0)
    forceAtlas2.assign(between, {
      iterations: 500,
      getEdgeWeight: "weight",
      settings: {
        ...forceAtlas2.inferSettings(between),
        adjustSizes: true,
        scalingRatio: 10,
        gravity: 1,
        strongGravityMode: true,
      },
    });
  for (const region of regions) {
    const { x, y } = between.getNodeAttributes(String(region.thread));
    Object.assign(region, { x, y });
  }
  separate(regions);
}

/**
 * A thread's own graph laid out around (0, 0), scaled so nine in ten nodes lie within radius 1:
 * ForceAtlas2 on its core (nodes with two links or more), then each leaf (a node with one link,
 * most often an entity one paper names) on a small ring around its neighbour.
 */
function layoutInside(
  graph: KnowledgeGraph,
  nodes: readonly string[],
  seed: number,
  maxIterations: number,
): Point[] {
  const members = new Set(nodes);
  const leafOf = new Map<string, string>();
  for (const node of nodes)
    if (graph.degree(node) === 1) {
      const [neighbour] = graph.neighbors(node);
      if (neighbour && members.has(neighbour) && graph.degree(neighbour) > 1)
        leafOf.set(node, neighbour);
    }
  const core = nodes.filter((node) => !leafOf.has(node));
  const at = layoutCore(graph, core, seed, maxIterations);
  const spacing = LEAF_RADIUS / Math.sqrt(core.length);
  const rings = new Map<string, number>();
  for (const node of nodes) {
    const parent = leafOf.get(node);
    if (parent === undefined) continue;
    const index = rings.get(parent) ?? 0;
    rings.set(parent, index + 1);
    const ring = Math.floor(index / LEAVES_PER_RING) + 1;
    const angle = (2 * Math.PI * (index % LEAVES_PER_RING)) / LEAVES_PER_RING + ring * 0.5;
    const centre = at.get(parent) as Point;
    at.set(node, {
      x: centre.x + spacing * ring * Math.cos(angle),
      y: centre.y + spacing * ring * Math.sin(angle),
    });
  }
  return nodes.map((node) => at.get(node) as Point);
}

/** ForceAtlas2 on some of a thread's nodes, normalised: nine in ten within radius 1 of (0, 0). */
function layoutCore(
  graph: KnowledgeGraph,
  nodes: readonly string[],
  seed: number,
  maxIterations: number,
): Map<string, Point> {
  if (nodes.length <= 1) return new Map(nodes.map((node) => [node, { x: 0, y: 0 }]));
  const inside = new Graph({ type: "undirected" });
  const random = seededRandom(seed);
  for (const node of nodes) inside.addNode(node, { x: random() - 0.5, y: random() - 0.5 });
  for (const node of nodes)
    graph.forEachEdge(node, (_, { weight }, source, target) => {
      if (source !== node || !inside.hasNode(target) || inside.hasEdge(source, target)) return;
      inside.addEdge(source, target, { weight });
    });
  const iterations = Math.min(
    maxIterations,
    Math.max(MIN_ITERATIONS, Math.round(THREAD_BUDGET / nodes.length)),
  );
  forceAtlas2.assign(inside, {
    iterations,
    getEdgeWeight: "weight",
    settings: {
      ...forceAtlas2.inferSettings(inside),
      barnesHutOptimize: nodes.length > 500,
      linLogMode: true,
      gravity: 1,
    },
  });
  const points = nodes.map((node) => inside.getNodeAttributes(node) as Point);
  const cx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const cy = points.reduce((s, p) => s + p.y, 0) / points.length;
  const distances = points.map((p) => Math.hypot(p.x - cx, p.y - cy)).sort((a, b) => a - b);
  const scale = distances[Math.floor(0.9 * (distances.length - 1))] || 1;
  return new Map(
    nodes.map((node, i) => {
      const p = points[i] as Point;
      return [node, { x: (p.x - cx) / scale, y: (p.y - cy) / scale }];
    }),
  );
}

/**
 * Positions of every node in a thread: regions placed, each thread laid out inside its own.
 * Nodes in no thread are left for the caller to place beside their neighbours.
 */
export function regionLayout(
  graph: KnowledgeGraph,
  { seed, iterations }: { seed: number; iterations: number },
): Map<string, Point> {
  const regions: Region[] = [...threadMembers(graph)].map(([thread, nodes]) => ({
    thread,
    nodes,
    radius: UNIT * Math.sqrt(nodes.length),
    x: 0,
    y: 0,
  }));
  placeRegions(graph, regions, seed);
  const placed = new Map<string, Point>();
  for (const region of regions) {
    const local = layoutInside(graph, region.nodes, seed + region.thread + 1, iterations);
    region.nodes.forEach((node, i) => {
      const p = local[i] as Point;
      placed.set(node, { x: region.x + p.x * region.radius, y: region.y + p.y * region.radius });
    });
  }
  return placed;
}
