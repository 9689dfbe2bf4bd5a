/**
 * papergraph as a library: the public face of the pipeline the command line runs.
 *
 *   const { papers } = await ingest(records);
 *   const built = buildGraph(await extract(papers));
 *   neighbors(built.graph, "graph neural networks");
 */
export { isBuildStale, loadGraph, loadThreads } from "./build-folder.js";
export { BuildError, NoBuildError, PapergraphError, UsageError } from "./errors.js";
export type { EvalReport, GoldPaper, PaperReport, Scores } from "./eval/index.js";
export { GoldFormatError, parseGold } from "./eval/index.js";
export { toCsv, toGexf, toGraphml, toJson } from "./export/index.js";
export { EXTRACTOR_FINGERPRINT } from "./extract/index.js";
export type { BuiltGraph, GraphStats, KnowledgeGraph, LayoutQuality } from "./graph/index.js";
export { graphFromJson, graphStats, layoutQuality } from "./graph/index.js";
export type { IngestLimits, IngestResult, IngestSummary, RecordProblem } from "./ingest/index.js";
export { DEFAULT_LIMITS, IngestError } from "./ingest/index.js";
export type { PipelineOptions, Stage } from "./options.js";
export { DEFAULT_CORPUS, DEFAULTS } from "./options.js";
export type {
  AddResult,
  BuildResult,
  EvaluateOptions,
  GapsOptions,
  GapsResult,
  GraphWithThreads,
  NeighborsResult,
  PaperInput,
  PaperRecord,
} from "./pipeline.js";
export {
  add,
  backtestGaps,
  build,
  buildGraph,
  evaluate,
  extract,
  gaps,
  ingest,
  loadGold,
  neighbors,
  trends,
  UnknownConceptError,
} from "./pipeline.js";
export type { ConceptRef, Neighbor, NeighborOptions } from "./query/index.js";
export type {
  BacktestReport,
  Gap,
  PairType,
  RankingScores,
  TrendOptions,
  TrendReport,
} from "./time/index.js";
export * from "./types.js";
