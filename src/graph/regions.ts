/**
 * A map where research threads are regions and what is linked is near: the threads are laid out
 * first (ForceAtlas2 on the graph of threads, each a disc whose area grows with its nodes, then
 * the discs pushed apart until none overlap), then each thread's own graph inside its disc
 * (ForceAtlas2 run to convergence within an iteration budget, region-job.ts), shared among
 * worker threads on a large map. Nodes in no thread go beside their placed neighbours.
 * Deterministic: seeded starts, nodes and threads in a fixed order, on any number of threads.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { seededRandom } from "../random.js";
import type { KnowledgeGraph } from "./build.js";
import { regionJob } from "./region-job.js";
import { layoutRegions } from "./region-workers.js";
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
/** Space left between two discs, as a share of their radii: white space tells regions apart. */
const GAP = 0.4;

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
 * Positions of every node in a thread: regions placed, each thread laid out inside its own.
 * Nodes in no thread are left for the caller to place beside their neighbours.
 */
export function regionLayout(
  graph: KnowledgeGraph,
  { seed, iterations, workers }: { seed: number; iterations: number; workers?: number },
): Map<string, Point> {
  const regions: Region[] = [...threadMembers(graph)].map(([thread, nodes]) => ({
    thread,
    nodes,
    radius: UNIT * Math.sqrt(nodes.length),
    x: 0,
    y: 0,
  }));
  placeRegions(graph, regions, seed);
  const jobs = regions.map((region) =>
    regionJob(graph, region.nodes, seed + region.thread + 1, iterations),
  );
  const laidOut = layoutRegions(jobs, workers);
  const placed = new Map<string, Point>();
  regions.forEach((region, r) => {
    const local = laidOut[r] as Float64Array;
    region.nodes.forEach((node, i) => {
      const [x, y] = [local[2 * i] as number, local[2 * i + 1] as number];
      placed.set(node, { x: region.x + x * region.radius, y: region.y + y * region.radius });
    });
  });
  return placed;
}
