import louvain from "graphology-communities-louvain";
import modularity from "graphology-metrics/graph/modularity.js";
import { seededRandom } from "../random.js";
import {
  ENTITY_TYPES,
  type EntityType,
  type GraphNodeAttributes,
  type Thread,
  type ThreadMember,
} from "../types.js";
import type { KnowledgeGraph } from "./build.js";
import { SUBTHREAD_MIN_PAPERS, splitOversized } from "./subthreads.js";

export interface ThreadOptions {
  /** Louvain's resolution: above 1 gives more, smaller threads. */
  resolution: number;
  seed: number;
  /** A community with fewer papers is no thread: its nodes get thread -1. */
  minPapers: number;
  /** A thread with this many papers or more is split into sub-threads (subthreads.ts). */
  subthreadMinPapers: number;
}

export const DEFAULT_THREADS: ThreadOptions = {
  resolution: 1,
  seed: 42,
  minPapers: 2,
  subthreadMinPapers: SUBTHREAD_MIN_PAPERS,
};

/**
 * A qualitative palette that tells 40 threads apart: Tableau 10's strong tones, then colours chosen
 * as far apart as possible from them and from each other (after Glasbey et al.), light tones that
 * vanish on white left out. Threads are numbered largest first, so the 40 largest are coloured;
 * smaller threads, and nodes in no thread, are grey.
 */
export const THREAD_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#8c3bff",
  "#018700",
  "#00acc6",
  "#d60000",
  "#6b004f",
  "#ffa52f",
  "#573b00",
  "#005659",
  "#0000dd",
  "#00c9a7",
  "#a17569",
  "#95b577",
  "#bf03b8",
  "#645474",
  "#790000",
  "#0774d8",
  "#004b00",
  "#8e7900",
  "#ff7266",
  "#5d7e66",
  "#eb0077",
  "#a57bb8",
  "#5900a3",
  "#03c600",
  "#9e4b00",
  "#9c3b4f",
  "#cac300",
  "#708297",
  "#8287ff",
  "#5d363b",
  "#d17a00",
];

/** The colour of a thread: its own among the 40 largest, grey after them. */
export function threadColor(thread: number): string {
  return thread >= 0 && thread < THREAD_COLORS.length
    ? (THREAD_COLORS[thread] as string)
    : NO_THREAD_COLOR;
}

export const NO_THREAD_COLOR = "#c8c8c8";

/**
 * Louvain on the weighted graph, seeded, with communities renumbered by papers (most first, ties by
 * nodes, then by their smallest node key) so ids are stable and follow what a thread is shown by.
 * Returns the modularity Louvain reached.
 */
export function detectCommunities(graph: KnowledgeGraph, options = DEFAULT_THREADS): number {
  const result = louvain.detailed(graph, {
    getEdgeWeight: "weight",
    resolution: options.resolution,
    rng: seededRandom(options.seed),
  });
  const members = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const community = result.communities[node] as number;
    const list = members.get(community);
    if (list) list.push(node);
    else members.set(community, [node]);
  });
  const papersIn = (nodes: string[]) =>
    nodes.filter((n) => graph.getNodeAttribute(n, "type") === "paper").length;
  let totalPapers = 0;
  graph.forEachNode((_, { type }) => {
    if (type === "paper") totalPapers++;
  });
  const groups = splitOversized(
    graph,
    [...members.values()],
    totalPapers,
    options.subthreadMinPapers,
  );
  const ranked = groups
    .map((nodes) => ({ nodes: nodes.sort(), papers: papersIn(nodes) }))
    .sort(
      (a, b) =>
        b.papers - a.papers ||
        b.nodes.length - a.nodes.length ||
        (a.nodes[0] as string).localeCompare(b.nodes[0] as string),
    );
  let next = 0;
  for (const { nodes, papers } of ranked) {
    const thread = papers >= options.minPapers ? next++ : -1;
    for (const node of nodes) graph.setNodeAttribute(node, "thread", thread);
  }
  // Threads split for their size are no longer Louvain's partition: measure the one kept.
  return groups.length === members.size
    ? result.modularity
    : threadModularity(graph, options.resolution);
}

/** The thread most of a node's weight of edges leads into, among neighbours in a thread. */
function neighboursThread(graph: KnowledgeGraph, node: string): number | undefined {
  const weightOf = new Map<number, number>();
  graph.forEachEdge(node, (_, { weight }, source, _target, sourceAttributes, targetAttributes) => {
    const { thread } = source === node ? targetAttributes : sourceAttributes;
    if (thread >= 0) weightOf.set(thread, (weightOf.get(thread) ?? 0) + weight);
  });
  let best: number | undefined;
  for (const [thread, weight] of weightOf) {
    const bestWeight = best === undefined ? -1 : (weightOf.get(best) as number);
    if (weight > bestWeight || (weight === bestWeight && thread < (best as number))) best = thread;
  }
  return best;
}

/**
 * An incremental build keeps the threads a reader knows, as it keeps the layout: known nodes stay
 * in their thread (and colour), and each new node joins the thread most of its edges lead into,
 * in rounds, so new entities follow the new papers that name them. A node with no neighbour in a
 * thread stays in none. Returns the modularity of the threads so kept; `papergraph build`
 * detects threads afresh.
 */
export function keepThreads(
  graph: KnowledgeGraph,
  previous: ReadonlyMap<string, { thread: number }>,
  resolution: number,
): number {
  let pending: string[] = [];
  graph.forEachNode((node) => {
    const known = previous.get(node);
    if (known) graph.setNodeAttribute(node, "thread", known.thread);
    else pending.push(node);
  });
  for (;;) {
    const joined = new Map<string, number>();
    for (const node of pending) {
      const thread = neighboursThread(graph, node);
      if (thread !== undefined) joined.set(node, thread);
    }
    if (joined.size === 0) break;
    for (const [node, thread] of joined) graph.setNodeAttribute(node, "thread", thread);
    pending = pending.filter((node) => !joined.has(node));
  }
  return threadModularity(graph, resolution);
}

/** The modularity of the threads as they are; nodes in no thread count as communities of their own, as Louvain's small ones did. */
function threadModularity(graph: KnowledgeGraph, resolution: number): number {
  return modularity(graph, {
    getNodeCommunity: (node, { thread }) => (thread >= 0 ? thread : `none:${node}`),
    getEdgeWeight: "weight",
    resolution,
  });
}

/**
 * How well an entity names a thread: the share of the thread's papers that name it, times the
 * share of the entity's papers that lie in the thread. "Contrastive learning" named by 40 papers
 * of which 30 are among the thread's 40 names it well; "MoCo", named by 3 papers, all here, says
 * little of the other 37; "deep learning", named across the corpus, says little of this thread.
 */
function distinctiveness(inThread: number, overall: number, threadPapers: number): number {
  return (inThread / Math.max(threadPapers, 1)) * (inThread / overall);
}

const byLabel = new Intl.Collator().compare;

/**
 * The share of a thread's papers an entity must be named by to stand in the thread's label: a
 * label speaks for the thread, not for the one paper that alone names an entity.
 */
const LABEL_SUPPORT = 0.15;

/**
 * In a broad thread no entity but one may reach LABEL_SUPPORT: an entity named by half as many of
 * its papers as the most named one may stand in its label too. Of some 400 papers on segmentation
 * at 10,000 arXiv papers, under a fifth name "foundation model", the one entity to reach it, and
 * about one in seven "segmentation", which the label then names too.
 */
const LABEL_SHARE_OF_TOP = 0.5;

/** The `limit` best members, ties by label; only those that can make the cut are sorted by label. */
function ranked(members: ThreadMember[], limit: number): ThreadMember[] {
  const scores = members.map((m) => m.score).sort((a, b) => b - a);
  const cutoff = scores[limit - 1] ?? Number.NEGATIVE_INFINITY;
  return members
    .filter((m) => m.score >= cutoff)
    .sort((a, b) => b.score - a.score || byLabel(a.label, b.label))
    .slice(0, limit);
}

/** Whether a node's attributes place it in a thread or sub-thread. */
type Belongs = (attributes: GraphNodeAttributes) => boolean;

function threadOf(
  graph: KnowledgeGraph,
  id: number,
  nodes: string[],
  topN: number,
  belongs: Belongs = (a) => a.thread === id,
): Thread {
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as ThreadMember[]])) as Record<
    EntityType,
    ThreadMember[]
  >;
  const papers: ThreadMember[] = [];
  /** How many of the thread's papers name each of its entities. */
  const naming = new Map<string, number>();
  const threadPapers = nodes.filter(
    (node) => graph.getNodeAttribute(node, "type") === "paper",
  ).length;
  for (const node of nodes) {
    const { type, label, paperCount } = graph.getNodeAttributes(node);
    let localPapers = 0;
    let localDegree = 0;
    graph.forEachNeighbor(node, (_, a) => {
      if (!belongs(a)) return;
      localDegree++;
      if (a.type === "paper") localPapers++;
    });
    if (type === "paper") {
      papers.push({ id: node, label, score: localDegree });
      continue;
    }
    const member = {
      id: node,
      label,
      score: Math.round(distinctiveness(localPapers, paperCount ?? 1, threadPapers) * 1e4) / 1e4,
    };
    byType[type].push(member);
    naming.set(node, localPapers);
  }
  let mostNamed = 0;
  for (const n of naming.values()) mostNamed = Math.max(mostNamed, n);
  const support = Math.max(
    2,
    Math.min(LABEL_SUPPORT * threadPapers, LABEL_SHARE_OF_TOP * mostNamed),
  );
  const labelTerms = ENTITY_TYPES.flatMap((t) => byType[t]).filter(
    (member) => (naming.get(member.id) as number) >= support,
  );
  const top = Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, ranked(byType[t], topN)]),
  ) as Thread["top"];
  const color = threadColor(id);
  // A thread's label: its three most distinctive entities that enough of its papers name, the one
  // most of them name first; else its most distinctive entity.
  const terms = ranked(labelTerms, 3).sort(
    (a, b) => (naming.get(b.id) as number) - (naming.get(a.id) as number),
  );
  const named =
    terms.length > 0
      ? terms
      : ranked(
          ENTITY_TYPES.flatMap((t) => top[t]),
          1,
        );
  const label = named.map((m) => m.label).join(" · ") || `thread ${id}`;
  const labelIds = new Set(named.map((m) => m.id));
  const labelPaperCount = papers.filter((paper) =>
    graph.someNeighbor(paper.id, (neighbor) => labelIds.has(neighbor)),
  ).length;
  return {
    id,
    label,
    color,
    size: nodes.length,
    paperCount: papers.length,
    labelPaperCount,
    top,
    papers: ranked(papers, topN),
  };
}

/** Each thread's nodes, threads in id order and nodes in graph order; nodes in no thread left out. */
export function threadMembers(graph: KnowledgeGraph): Map<number, string[]> {
  const members = new Map<number, string[]>();
  graph.forEachNode((node, { thread }) => {
    if (thread < 0) return;
    const list = members.get(thread);
    if (list) list.push(node);
    else members.set(thread, [node]);
  });
  return new Map([...members].sort(([a], [b]) => a - b));
}

/**
 * Describes every thread: label, colour, size, top entities per type and representative papers;
 * most papers first (an incremental build keeps ids, whose order then drifts from the papers').
 */
export function describeThreads(graph: KnowledgeGraph, topN = 5): Thread[] {
  return [...threadMembers(graph)]
    .map(([id, nodes]) =>
      withSubthreads(graph, threadOf(graph, id, nodes, topN), String(id), nodes, topN),
    )
    .sort((a, b) => b.paperCount - a.paperCount || a.id - b.id);
}

/** A thread or sub-thread with its sub-threads described inside it, by the same rule. */
function withSubthreads(
  graph: KnowledgeGraph,
  thread: Thread,
  path: string,
  nodes: string[],
  topN: number,
): Thread {
  const parts = new Map<number, string[]>();
  const depth = path.split(".").length;
  for (const node of nodes) {
    const sub = graph.getNodeAttribute(node, "subthread")?.split(".");
    if (!sub || sub.length <= depth || sub.slice(0, depth).join(".") !== path) continue;
    const index = Number(sub[depth]);
    const list = parts.get(index) ?? [];
    list.push(node);
    parts.set(index, list);
  }
  if (parts.size === 0) return thread;
  const subthreads = [...parts]
    .sort(([a], [b]) => a - b)
    .map(([index, members]) => {
      const subpath = `${path}.${index}`;
      const inside: Belongs = (a) =>
        a.subthread === subpath || (a.subthread?.startsWith(`${subpath}.`) ?? false);
      const described = {
        ...threadOf(graph, index, members, topN, inside),
        path: subpath,
        color: thread.color,
      };
      return withSubthreads(graph, described, subpath, members, topN);
    });
  return { ...thread, subthreads };
}
