/**
 * The pipeline's options and their defaults, in one place: the library, the command line and the
 * server all start from DEFAULTS.
 */
import { UsageError } from "./errors.js";
import { SLICES_FROM } from "./extract/index.js";
import { OFF_MAP_FROM, TAIL_FROM } from "./graph/index.js";
import type { IngestLimits, RecordProblem } from "./ingest/index.js";

/** A step of a build, in the order they run; each is timed and announced by `onStage`. */
export type Stage = "ingest" | "extract" | "graph" | "threads" | "layout" | "export";

export interface PipelineOptions {
  /** The build folder `build` and `add` write and `loadGraph` reads. */
  out: string;
  /** Louvain resolution: above 1 gives more, smaller research threads. */
  resolution: number;
  /** Extraction and layout threads; 1 works on the calling thread alone. Undefined: one per core. */
  workers?: number;
  /** Keep each paper's analysis in the build folder and reuse it on the next build or add. */
  cache: boolean;
  /** Where relative paths start (messages show paths as they were given). */
  cwd: string;
  /** Largest file, abstract and title accepted (DEFAULT_LIMITS of the ingest stage). */
  limits: Partial<IngestLimits>;
  /**
   * A corrections file (JSON Lines; see the README): by default the one named CORRECTIONS_FILE (ingest)
   * beside the corpus when there is one, and for `add` and `rebuild` the one the build used.
   */
  corrections?: string;
  /** A VOSviewer thesaurus ("label<TAB>replace by"), applied before the corrections file. */
  thesaurus?: string;
  /** Skip bad records and files, reporting each to `onSkip`, instead of stopping at the first. */
  skipBad: boolean;
  onSkip?: (problem: RecordProblem) => void;
  /**
   * Analysis files or folders of them (`papergraph extract --shard`): their analyses are used, not
   * made again. With no inputs, the papers too come from them.
   */
  analyses: readonly string[];
  /** false: refuse to build where a paper has no analysis in the cache or `analyses`. */
  extract: boolean;
  /**
   * Above this many nodes the viewer's map leaves off the entities one paper alone names (they
   * stay in their paper's details and in the search index): OFF_MAP_FROM of the graph stage.
   */
  offMapFrom: number;
  /**
   * Above this many nodes (and offMapFrom) a build keeps those entities, and its papers' texts,
   * in its store rather than its in-memory graph, and writes them into graph.json from there:
   * TAIL_FROM of the graph stage.
   */
  tailFrom: number;
  /**
   * From this many papers the corpus pass reads the cached analyses from the build's store a
   * slice at a time, on each of its passes, rather than holding them: SLICES_FROM of the extract
   * stage.
   */
  slicesFrom: number;
  /** Called with what a reader should know but is no error: a build folder skipped in a walk. */
  onNote?: (note: string) => void;
  /** Called as each stage starts. */
  onStage?: (stage: Stage) => void;
  /** Called as papers are analysed: extraction is the one long stage. */
  onProgress?: (done: number, total: number) => void;
}

/** What a command reads when given no inputs: the shipped sample corpus. */
export const DEFAULT_CORPUS = "graph/corpus";

export const DEFAULTS: Readonly<PipelineOptions> = Object.freeze({
  out: "graph/build",
  resolution: 1,
  workers: undefined,
  cache: true,
  analyses: [],
  extract: true,
  offMapFrom: OFF_MAP_FROM,
  tailFrom: TAIL_FROM,
  slicesFrom: SLICES_FROM,
  cwd: ".",
  limits: {},
  skipBad: false,
});

/** The options in force: the defaults, overridden by every value given, checked. */
export function resolveOptions(given: Partial<PipelineOptions> = {}): PipelineOptions {
  const set = Object.entries(given).filter(([, value]) => value !== undefined);
  const options: PipelineOptions = { ...DEFAULTS, ...Object.fromEntries(set) };
  if (!Number.isFinite(options.resolution) || options.resolution <= 0)
    throw new UsageError(`resolution must be a positive number, got ${options.resolution}`);
  if (options.workers !== undefined && (!Number.isInteger(options.workers) || options.workers < 1))
    throw new UsageError(`workers must be a whole number of at least 1, got ${options.workers}`);
  if (!Number.isInteger(options.offMapFrom) || options.offMapFrom < 0)
    throw new UsageError(`offMapFrom must be a whole number of nodes, got ${options.offMapFrom}`);
  if (!Number.isInteger(options.slicesFrom) || options.slicesFrom < 0)
    throw new UsageError(`slicesFrom must be a whole number of papers, got ${options.slicesFrom}`);
  if (!Number.isInteger(options.tailFrom) || options.tailFrom < 0)
    throw new UsageError(`tailFrom must be a whole number of nodes, got ${options.tailFrom}`);
  return options;
}
