/**
 * Graph: extraction → the typed knowledge graph, its research threads and its layout. Pure.
 */
import type { Extraction, ThreadReport } from "../types.js";
import { type KnowledgeGraph, typedGraph } from "./build.js";
import { addCooccurrence, type CooccurrenceOptions, DEFAULT_COOCCURRENCE } from "./cooccurrence.js";
import { DEFAULT_LAYOUT, type LayoutOptions, layoutGraph, styleNodes } from "./layout.js";
import {
  DEFAULT_THREADS,
  describeThreads,
  detectCommunities,
  type ThreadOptions,
} from "./threads.js";

export { type KnowledgeGraph, paperNodeId } from "./build.js";
export { npmi } from "./cooccurrence.js";
export type { Positions } from "./layout.js";
export { edgeKey, graphFromJson, type SerializedKnowledgeGraph } from "./serialize.js";
export { type GraphStats, graphStats } from "./stats.js";
export { NO_THREAD_COLOR, THREAD_COLORS } from "./threads.js";

export interface BuildOptions {
  name?: string;
  threads?: Partial<ThreadOptions>;
  cooccurrence?: Partial<CooccurrenceOptions>;
  layout?: Partial<LayoutOptions>;
  /** Called as each step starts, for progress and per-stage timing. */
  onStage?: (stage: "graph" | "threads" | "layout") => void;
}

export interface BuiltGraph {
  graph: KnowledgeGraph;
  threads: ThreadReport;
}

/** The whole graph stage: typed graph and co-occurrence, Louvain threads, then layout and style. */
export function buildGraph(extraction: Extraction, options: BuildOptions = {}): BuiltGraph {
  options.onStage?.("graph");
  const graph = typedGraph(extraction, options.name ?? "papergraph");
  addCooccurrence(graph, extraction, { ...DEFAULT_COOCCURRENCE, ...options.cooccurrence });
  options.onStage?.("threads");
  const threadOptions = { ...DEFAULT_THREADS, ...options.threads };
  const modularity = Math.round(detectCommunities(graph, threadOptions) * 1e4) / 1e4;
  graph.mergeAttributes({ modularity, resolution: threadOptions.resolution });
  options.onStage?.("layout");
  styleNodes(graph);
  layoutGraph(graph, { ...DEFAULT_LAYOUT, ...options.layout });
  return {
    graph,
    threads: { modularity, resolution: threadOptions.resolution, threads: describeThreads(graph) },
  };
}
