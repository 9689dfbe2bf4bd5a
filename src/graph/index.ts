/**
 * Graph: extraction → the typed knowledge graph, its research threads and its layout. Pure.
 */
import type { Extraction, NodePlacement, ThreadReport } from "../types.js";
import { type KnowledgeGraph, typedGraph } from "./build.js";
import { addCooccurrence, type CooccurrenceOptions, DEFAULT_COOCCURRENCE } from "./cooccurrence.js";
import { DEFAULT_LAYOUT, type LayoutOptions, layoutGraph, styleNodes } from "./layout.js";
import { linkNarrower } from "./narrower.js";
import { detectSubthreads } from "./subthreads.js";
import {
  DEFAULT_THREADS,
  describeThreads,
  detectCommunities,
  keepThreads,
  type ThreadOptions,
  threadMembers,
} from "./threads.js";

export {
  edgeKey,
  type KnowledgeGraph,
  type PaperText,
  type PaperTexts,
  paperNodeId,
  paperText,
  withPaperText,
} from "./build.js";
export { linkStrength, npmi } from "./cooccurrence.js";
export { narrowerOf } from "./kinship.js";
export type { Positions } from "./layout.js";
export { type LayoutQuality, layoutQuality } from "./layout-quality.js";
export { OFF_MAP_FROM, offMap, TAIL_FROM } from "./off-map.js";
export { graphFromJson, type SerializedKnowledgeGraph } from "./serialize.js";
export { type GraphStats, graphStats } from "./stats.js";
export {
  NO_TAIL,
  placedTail,
  splitTail,
  summarizeTail,
  type Tail,
  type TailSummary,
  tailInMemory,
  tailNodes,
} from "./tail.js";
export { threadColor } from "./threads.js";

export interface BuildOptions {
  name?: string;
  threads?: Partial<ThreadOptions>;
  cooccurrence?: Partial<CooccurrenceOptions>;
  layout?: Partial<LayoutOptions>;
  /**
   * The previous build's node placements (an incremental build): where it holds most of the
   * nodes (KEEP_FROM), its layout and threads are kept and only new nodes are placed.
   */
  previous?: ReadonlyMap<string, NodePlacement>;
  /** Called as each step starts, for progress and per-stage timing. */
  onStage?: (stage: "graph" | "threads" | "layout") => void;
  /**
   * false: paper nodes hold no PaperText (abstract, sources, mentions, authors), which the caller
   * keeps, as a large build keeps it in its store.
   */
  paperText?: boolean;
}

export interface BuiltGraph {
  graph: KnowledgeGraph;
  threads: ThreadReport;
}

/**
 * Share of a graph's nodes a previous build must have placed for its map to be kept: a day's
 * papers join the map a reader knows, a corpus that grew by more than a fifth is drawn and
 * clustered afresh, since new topics would otherwise only be absorbed into old threads.
 */
const KEEP_FROM = 0.8;

function keepsMostOf(
  graph: KnowledgeGraph,
  previous: ReadonlyMap<string, NodePlacement> | undefined,
) {
  if (!previous) return false;
  let known = 0;
  graph.forEachNode((node) => {
    if (previous.has(node)) known++;
  });
  return known >= KEEP_FROM * graph.order;
}

/** The whole graph stage: typed graph and co-occurrence, Louvain threads, then layout and style. */
export function buildGraph(extraction: Extraction, options: BuildOptions = {}): BuiltGraph {
  return threadedGraph(linkedGraph(extraction, options), options);
}

/**
 * The typed graph of an extraction with its co-occurrences: all the graph needs of it. A caller
 * that lets the extraction go before `threadedGraph` frees its mentions for the stages after.
 */
export function linkedGraph(extraction: Extraction, options: BuildOptions = {}): KnowledgeGraph {
  options.onStage?.("graph");
  const graph = typedGraph(extraction, options.name ?? "papergraph", options.paperText ?? true);
  addCooccurrence(graph, extraction, { ...DEFAULT_COOCCURRENCE, ...options.cooccurrence });
  linkNarrower(graph);
  return graph;
}

/** Research threads (kept from `previous` where it holds most nodes), then layout and style. */
export function threadedGraph(graph: KnowledgeGraph, options: BuildOptions = {}): BuiltGraph {
  options.onStage?.("threads");
  const threadOptions = { ...DEFAULT_THREADS, ...options.threads };
  const kept = keepsMostOf(graph, options.previous) ? options.previous : undefined;
  const found = kept
    ? keepThreads(graph, kept, threadOptions.resolution)
    : detectCommunities(graph, threadOptions);
  detectSubthreads(graph, threadMembers(graph), threadOptions.subthreadMinPapers);
  const modularity = Math.round(found * 1e4) / 1e4;
  graph.mergeAttributes({ modularity, resolution: threadOptions.resolution });
  options.onStage?.("layout");
  styleNodes(graph);
  layoutGraph(graph, { ...DEFAULT_LAYOUT, ...options.layout, start: kept });
  return {
    graph,
    threads: { modularity, resolution: threadOptions.resolution, threads: describeThreads(graph) },
  };
}
