/**
 * Threads within threads. A thread of many papers is a region a person zooms into, not one topic:
 * Louvain on the thread's own graph finds its parts, each a sub-thread labelled by the same rule
 * as threads, and again within a sub-thread while it is still large and the split still means
 * something (its modularity). And a thread holding more than a tenth of the field is no region
 * a person can read at a glance: it is split the same way, its parts made threads of their own.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { seededRandom } from "../random.js";
import type { KnowledgeGraph } from "./build.js";

/** A thread with this many papers or more is split into sub-threads, by default: more than a person skims. */
export const SUBTHREAD_MIN_PAPERS = 300;
/**
 * A part needs this share of its parent's papers, and a thirtieth of the papers that make a thread
 * large (10 by default), to be a sub-thread: fewer are a handful of papers, not a region.
 */
const MIN_PART_SHARE = 0.02;
const MIN_PART_OF_LARGE = 1 / 30;
/**
 * A split is kept only where Louvain's modularity on the thread's own graph reaches this: a thin
 * random graph splits into parts of modularity 0.1 to 0.2 by chance alone, a real one above.
 */
export const MIN_SPLIT_MODULARITY = 0.25;
/** Levels of sub-threads below a thread. */
export const SUBTHREAD_DEPTH = 2;
/** No top-level thread may hold more of the field's papers than this. */
export const MAX_THREAD_SHARE = 0.1;
const SEED = 42;

function isPaper(graph: KnowledgeGraph, node: string): boolean {
  return graph.getNodeAttribute(node, "type") === "paper";
}

/** Louvain on the graph the nodes make among themselves: their parts, and the modularity reached. */
export function splitNodes(
  graph: KnowledgeGraph,
  nodes: readonly string[],
): { parts: string[][]; modularity: number } {
  const within = new Graph({ type: "undirected" });
  for (const node of nodes) within.addNode(node);
  for (const node of nodes)
    graph.forEachEdge(node, (_, { weight }, source, target) => {
      if (source !== node || !within.hasNode(target)) return;
      within.addEdge(source, target, { weight });
    });
  if (within.size === 0) return { parts: [[...nodes]], modularity: 0 };
  const result = louvain.detailed(within, { getEdgeWeight: "weight", rng: seededRandom(SEED) });
  const parts = new Map<number, string[]>();
  for (const node of nodes) {
    const community = result.communities[node] as number;
    const list = parts.get(community) ?? [];
    list.push(node);
    parts.set(community, list);
  }
  const papersIn = (part: string[]) => part.filter((n) => isPaper(graph, n)).length;
  return {
    parts: [...parts.values()].sort(
      (a, b) =>
        papersIn(b) - papersIn(a) ||
        b.length - a.length ||
        (a[0] as string).localeCompare(b[0] as string),
    ),
    modularity: result.modularity,
  };
}

/**
 * Groups of nodes (communities) with each holding over MAX_THREAD_SHARE of `totalPapers` split
 * into its parts, again while a part is still too large and can be split. A group of fewer than
 * SUBTHREAD_MIN_PAPERS papers is kept whole whatever its share: in a small corpus a thread of a
 * few dozen papers is read at a glance.
 */
export function splitOversized(
  graph: KnowledgeGraph,
  groups: string[][],
  totalPapers: number,
  minPapers = SUBTHREAD_MIN_PAPERS,
): string[][] {
  const limit = Math.max(MAX_THREAD_SHARE * totalPapers, minPapers);
  const result: string[][] = [];
  const pending = [...groups];
  while (pending.length > 0) {
    const group = pending.shift() as string[];
    const papers = group.filter((n) => isPaper(graph, n)).length;
    if (papers <= limit) {
      result.push(group);
      continue;
    }
    const { parts } = splitNodes(graph, group);
    if (parts.length < 2) result.push(group);
    else pending.push(...parts);
  }
  return result;
}

/**
 * Sets each node's `subthread`, the path of the sub-threads it lies in ("3.0.2": thread 3, its
 * first sub-thread, that one's third), for the threads of `minPapers` (SUBTHREAD_MIN_PAPERS) or
 * more; removes it from the others. Sub-threads are numbered by papers, most first.
 */
export function detectSubthreads(
  graph: KnowledgeGraph,
  members: ReadonlyMap<number, string[]>,
  minPapers = SUBTHREAD_MIN_PAPERS,
): void {
  graph.forEachNode((node, attributes) => {
    if (attributes.subthread !== undefined) graph.removeNodeAttribute(node, "subthread");
  });
  const split = (nodes: string[], path: string, depth: number) => {
    const papers = nodes.filter((n) => isPaper(graph, n)).length;
    if (depth > SUBTHREAD_DEPTH || papers < minPapers) return;
    const { parts, modularity } = splitNodes(graph, nodes);
    if (modularity < MIN_SPLIT_MODULARITY) return;
    const kept = parts.filter((part) => {
      const n = part.filter((node) => isPaper(graph, node)).length;
      return n >= Math.max(3, MIN_PART_OF_LARGE * minPapers) && n >= MIN_PART_SHARE * papers;
    });
    if (kept.length < 2) return;
    kept.forEach((part, i) => {
      const subpath = `${path}.${i}`;
      for (const node of part) graph.setNodeAttribute(node, "subthread", subpath);
      split(part, subpath, depth + 1);
    });
  };
  for (const [thread, nodes] of members) split(nodes, String(thread), 1);
}
