/**
 * The pipeline as one library: ingest → extract → graph → export, and the build folder that
 * `build` and `add` keep. The command line is argument parsing and printing over these calls.
 */
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { writeBuildFiles } from "./build-folder.js";
import {
  applyCorrections,
  type Correction,
  CorrectionError,
  type CorrectionFiles,
  checkMerges,
  correctionLine,
  loadCorrections,
  parseCorrections,
} from "./curate/index.js";
import { BuildError, NoBuildError, PapergraphError, UsageError } from "./errors.js";
import {
  type EvalReport,
  type GoldPaper,
  goldPapers,
  type MergePair,
  parseGold,
  parseMergePairs,
  evaluate as scoreExtraction,
} from "./eval/index.js";
import {
  analyzeAhead,
  analyzeShard,
  EXTRACTOR_FINGERPRINT,
  extractPapersCached,
  extractPapersParallel,
  type Shard,
  shardPapers,
} from "./extract/index.js";
import {
  type BuiltGraph,
  type GraphStats,
  buildGraph as graphStage,
  graphStats,
  type KnowledgeGraph,
  linkedGraph,
  splitTail,
  type Tail,
  tailInMemory,
  threadedGraph,
} from "./graph/index.js";
import {
  CORRECTIONS_FILE,
  type IngestResult,
  ingestPaths,
  ingestRecords,
  mergePapers,
} from "./ingest/index.js";
import { writeFileAtomic } from "./io/index.js";
import { type PipelineOptions, resolveOptions, type Stage } from "./options.js";
import {
  type ConceptRef,
  type Neighbor,
  type NeighborOptions,
  neighbors as neighborsOf,
  resolveConcept,
} from "./query/index.js";
import {
  analysesFileName,
  type BuildStore,
  importAnalyses,
  openBuildStore,
  type SearchRow,
  STORE_FILE,
  writeAnalysesFile,
} from "./store/index.js";
import {
  type BacktestReport,
  backtestGaps as backtestAt,
  fieldSeries,
  findGaps,
  findTrends,
  type GapOptions,
  type GapReport,
  gapField,
  incidenceOf,
  type TrendOptions,
  type TrendReport,
} from "./time/index.js";
import {
  ENTITY_TYPES,
  type EntityType,
  type Extraction,
  type NodeType,
  type Paper,
  type ThreadReport,
} from "./types.js";

/**
 * A paper given in memory: the fields a line of a JSON Lines input may have. Any other field is
 * ignored; the names are matched as in files ("Title", "summary" and "arxiv_id" are understood).
 */
export interface PaperRecord {
  title: string;
  abstract?: string;
  authors?: string | readonly string[];
  date?: string;
  url?: string;
  id?: string;
  [field: string]: unknown;
}

/** Papers to read: paths (files, folders, glob patterns) or records in memory. */
export type PaperInput = readonly string[] | readonly PaperRecord[];

function isPaths(input: PaperInput): input is readonly string[] {
  return input.every((item) => typeof item === "string");
}

/** Reads, cleans and de-duplicates papers from files or from records in memory. */
export async function ingest(
  input: PaperInput,
  options: Partial<PipelineOptions> = {},
): Promise<IngestResult> {
  const { cwd, skipBad, onSkip, onNote, limits } = resolveOptions(options);
  return isPaths(input)
    ? ingestPaths(input, { cwd, skipBad, onSkip, onNote, limits })
    : ingestRecords(input, { skipBad, onSkip, limits });
}

/**
 * The methods, datasets, tasks and invariances each paper names, merged over the corpus into
 * canonical entities. Analysed on worker threads when there are enough papers to pay for them.
 */
export function extract(
  papers: readonly Paper[],
  options: Partial<PipelineOptions> = {},
): Promise<Extraction> {
  const { workers, onProgress } = resolveOptions(options);
  return extractPapersParallel(papers, { workers, onProgress });
}

export interface ShardResult {
  /** The analysis file written, absolute. */
  file: string;
  /** Papers of the corpus, and of this shard. */
  corpusPapers: number;
  papers: number;
  /** Mentions found in this shard's papers, before the corpus pass merges them. */
  candidates: number;
}

/**
 * Extracts one shard of a corpus (the papers `shardOf` puts there) into an analysis file in
 * `dir`: what one task of a job array does. `build` with `analyses` reads the files back.
 */
export async function extractShard(
  input: PaperInput,
  shard: Shard,
  dir: string,
  options: Partial<PipelineOptions> = {},
): Promise<ShardResult> {
  const resolved = resolveOptions(options);
  const { papers } = await ingest(input, resolved);
  const { workers, onProgress } = resolved;
  const mine = shardPapers(papers, shard);
  const file = join(resolve(resolved.cwd, dir), analysesFileName(shard.index, shard.count));
  const header = {
    papergraph: "analyses",
    format: 1,
    fingerprint: EXTRACTOR_FINGERPRINT,
    shard: shard.index,
    shards: shard.count,
    corpus: mine.corpus,
    corpusPapers: papers.length,
    papers: mine.papers.length,
  } as const;
  let candidates = 0;
  async function* counted() {
    for await (const slice of analyzeShard(mine.papers, { workers, onProgress })) {
      for (const record of slice) candidates += record.analysis.candidates.length;
      yield slice;
    }
  }
  await writeFileAtomic(file, (path) => writeAnalysesFile(path, header, counted()));
  return { file, corpusPapers: papers.length, papers: mine.papers.length, candidates };
}

/** The knowledge graph of an extraction: typed edges, co-occurrence, research threads, layout. */
export function buildGraph(
  extraction: Extraction,
  options: Partial<PipelineOptions> = {},
): BuiltGraph {
  const { resolution, onStage } = resolveOptions(options);
  return graphStage(extraction, { threads: { resolution }, onStage });
}

export interface BuildResult extends BuiltGraph {
  /** The build folder, absolute. */
  dir: string;
  stats: GraphStats;
  /** Seconds each stage took, in the order they ran. */
  seconds: Partial<Record<Stage, number>>;
  /** The process's peak resident memory as each stage ended, in MB (worker threads included). */
  peakMB: Partial<Record<Stage, number>>;
  /** Papers analysed by this run, and papers whose analysis came from the cache. */
  analyzed: number;
  reused: number;
  /** The corrections files read, the corrections applied, and those that named nothing here. */
  corrections: CorrectionFiles & { applied: number; unused: Correction[] };
}

export interface AddResult extends BuildResult {
  /** Papers the build held before, and new papers added to them. */
  before: number;
  added: number;
}

/**
 * Times each stage as `onStage` announces it, passing the announcement on, and notes the process's
 * peak resident memory when each ends: the stage where it grows is the one that holds the most.
 */
function stopwatch(onStage: PipelineOptions["onStage"]) {
  const seconds: Partial<Record<Stage, number>> = {};
  const peakMB: Partial<Record<Stage, number>> = {};
  let stage: Stage | undefined;
  let started = performance.now();
  const stop = () => {
    if (!stage) return;
    seconds[stage] = Math.round(performance.now() - started) / 1000;
    peakMB[stage] = Math.round(process.resourceUsage().maxRSS / 1024);
  };
  return {
    start(next: Stage) {
      stop();
      stage = next;
      started = performance.now();
      onStage?.(next);
    },
    current: () => stage ?? "ingest",
    finish() {
      stop();
      return { seconds, peakMB };
    },
  };
}

/** The build folder's store of papers and analyses, unless the cache is off. */
function openStore(dir: string, cache: boolean): BuildStore | undefined {
  if (!cache) return undefined;
  mkdirSync(dir, { recursive: true });
  const store = openBuildStore(join(dir, STORE_FILE), EXTRACTOR_FINGERPRINT);
  store.prune(EXTRACTOR_FINGERPRINT);
  return store;
}

/** How many analyses a store holds; none where it cannot say (the failure may be its own). */
function storedAnalyses(store: BuildStore | undefined): number {
  try {
    return store?.analysisCount() ?? 0;
  } catch {
    return 0;
  }
}

/** The corrections file a corpus has beside it: in the folder given first, or beside the file. */
function besideCorpus(input: PaperInput | undefined, cwd: string): string | undefined {
  const first = input?.[0];
  if (typeof first !== "string") return undefined;
  const path = resolve(cwd, first);
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return undefined;
  return join(info.isDirectory() ? path : dirname(path), CORRECTIONS_FILE);
}

/** The corrections files in force: those given, else those the build used, else the corpus's. */
function correctionFiles(
  options: PipelineOptions,
  store: BuildStore | undefined,
  input: PaperInput | undefined,
): CorrectionFiles {
  const given = (path: string | undefined) => path && resolve(options.cwd, path);
  return {
    corrections:
      given(options.corrections) ??
      store?.setting("corrections") ??
      besideCorpus(input, options.cwd),
    thesaurus: given(options.thesaurus) ?? store?.setting("thesaurus"),
  };
}

/** The outermost folder of a path that does not exist yet, which making the path would create. */
function firstMissing(path: string): string | undefined {
  if (existsSync(path)) return undefined;
  const parent = dirname(path);
  return parent === path ? path : (firstMissing(parent) ?? path);
}

/**
 * Every node of a graph as the search index keeps it, the tail's included; an entity with a paper
 * naming it.
 */
function* searchRows(graph: KnowledgeGraph, tail: Tail): Generator<SearchRow> {
  for (const { node, attributes: a } of graph.nodeEntries()) {
    const paper =
      a.type === "paper"
        ? undefined
        : graph.findNeighbor(node, (_, neighbor) => neighbor.type === "paper");
    yield {
      node,
      type: a.type,
      label: a.label,
      aliases: a.aliases ?? [],
      paperCount: a.paperCount ?? 0,
      paper,
    };
  }
  for (const { id, type, name, aliases, paper } of tail.all())
    yield { node: id, type, label: name, aliases, paperCount: 1, paper };
}

/**
 * Extraction (cached analyses reused) and corrections, with the tail split off and kept, and the
 * papers saved to the store: what is returned is the part the graph holds. The whole extraction,
 * its tail entities among them, is let go on return, before the graph is linked: at 149,437
 * papers that took the live heap there from 1.13 to 0.90 GB.
 */
async function extractedHead(
  papers: readonly Paper[],
  {
    store,
    ahead,
    corrections,
  }: {
    store: BuildStore | undefined;
    ahead: ReturnType<typeof analyzeAhead> | undefined;
    corrections: Correction[];
  },
  options: PipelineOptions,
) {
  const { workers, onProgress, slicesFrom } = options;
  const onlyCached = !options.extract;
  const cached = store
    ? await extractPapersCached(papers, store, {
        workers,
        onProgress,
        ahead,
        onlyCached,
        slicesFrom,
      })
    : { extraction: await extract(papers, options), analyzed: papers.length, reused: 0 };
  store?.savePapers(papers);
  const corrected = applyCorrections(cached.extraction, corrections);
  // A large build's tail (entities one paper alone names) and its papers' texts wait in the
  // store, not in the graph.
  const split = splitTail(corrected.extraction, Math.max(options.offMapFrom, options.tailFrom));
  return {
    extraction: split.extraction,
    tail: store ? store.keepTail(split.tail) : tailInMemory(split.tail),
    analyzed: cached.analyzed,
    reused: cached.reused,
    unused: corrected.unused,
  };
}

/**
 * The linked graph of the extraction's head: the papers and their mentions are let go on return,
 * so neither their texts nor their mentions are held through threads, layout and export.
 */
async function extractedGraph(
  papers: readonly Paper[],
  sources: Parameters<typeof extractedHead>[1],
  options: PipelineOptions,
  graphOptions: { onStage: (stage: Stage) => void },
) {
  const { extraction, tail, ...counts } = await extractedHead(papers, sources, options);
  const { store } = sources;
  const texts = store && tail.summary.nodes > 0 ? store.keepTexts(extraction.papers) : undefined;
  const graph = linkedGraph(extraction, { ...graphOptions, paperText: !texts });
  return { graph, tail, texts, ...counts };
}

type PaperReader = (
  store: BuildStore | undefined,
) => Promise<{ papers: Paper[]; ahead?: ReturnType<typeof analyzeAhead> }>;

/**
 * The stages after ingest, shared by `build` and `add`: extract (cached analyses reused), graph,
 * threads, layout, then every output staged and renamed at once. A failure names its stage, and
 * the previous outputs stay.
 */
async function runBuild(
  readPapers: PaperReader,
  options: PipelineOptions,
  { incremental, input }: { incremental: boolean; input?: PaperInput },
): Promise<BuildResult> {
  const clock = stopwatch(options.onStage);
  const dir = resolve(options.cwd, options.out);
  const made = firstMissing(dir);
  const hadOutputs = existsSync(join(dir, "graph.json"));
  const store = openStore(dir, options.cache);
  let failed = true;
  // What a first build that fails keeps: the analyses it made, an hour's work on a million papers
  // (not those it read from shards' files, which are still there).
  let analysesKept = 0;
  let analysesRead: number | undefined;
  try {
    clock.start("ingest");
    // Read first: a bad corrections file stops the build before anything is written.
    const files = correctionFiles(options, store, input);
    const corrections = await loadCorrections(files, options.cwd);
    // Let go once extracted (below): the store has them.
    let read: Awaited<ReturnType<PaperReader>> | undefined = await readPapers(store);
    if (made) analysesRead = storedAnalyses(store);
    clock.start("extract");
    const graphOptions = {
      threads: { resolution: options.resolution },
      layout: { workers: options.workers },
      // An incremental build keeps the previous map (positions and threads), kept in the store.
      previous: incremental ? store?.loadPlacements() : undefined,
      onStage: (stage: Stage) => clock.start(stage),
    };
    const { graph, tail, texts, analyzed, reused, unused } = await extractedGraph(
      read.papers,
      { store, ahead: read.ahead, corrections },
      options,
      graphOptions,
    );
    read = undefined;
    const built = threadedGraph(graph, graphOptions);
    clock.start("export");
    const { offMapFrom } = options;
    await writeBuildFiles(dir, built.graph, withRising(built), { offMapFrom, tail, texts }, () =>
      store?.saveSearch(searchRows(built.graph, tail)),
    );
    store?.dropKept();
    store?.savePlacements(
      built.graph.mapNodes((node, { x, y, thread }) => [node, { x, y, thread }]),
    );
    store?.saveSetting("corrections", files.corrections);
    store?.saveSetting("thesaurus", files.thesaurus);
    const stats = graphStats(built.graph, tail.summary);
    const applied = corrections.length - unused.length;
    failed = false;
    return {
      ...built,
      dir,
      stats,
      ...clock.finish(),
      analyzed,
      reused,
      corrections: { ...files, applied, unused },
    };
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof NoBuildError ||
      error instanceof CorrectionError
    )
      throw error;
    if (made && analysesRead !== undefined) analysesKept = storedAnalyses(store) - analysesRead;
    const kept =
      analysesKept > 0
        ? { path: join(options.out, STORE_FILE), analyses: analysesKept }
        : undefined;
    throw new BuildError(clock.current(), options.out, error, hadOutputs, kept);
  } finally {
    store?.close();
    // A failed first build leaves no folder behind, unless its store holds analyses to reuse: an
    // empty store would pass for a build.
    if (failed && made && analysesKept === 0) rmSync(made, { recursive: true, force: true });
  }
}

/**
 * Builds the graph of these papers into the build folder `options.out`: graph.json (the viewer),
 * graph.gexf (Gephi), threads.json, and the cache that makes the next build and `add` fast.
 */
export function build(
  input: PaperInput,
  options: Partial<PipelineOptions> = {},
): Promise<BuildResult> {
  const resolved = resolveOptions(options);
  const { analyses, cwd, onNote } = resolved;
  if (analyses.length > 0 && !resolved.cache)
    throw new UsageError("analyses are read into the build's cache: drop --no-cache to use them");
  if (!resolved.extract && !resolved.cache)
    throw new UsageError("--no-extract builds from cached analyses: drop --no-cache");
  const read = async (store: BuildStore | undefined) => {
    // Given no inputs, the papers come from the analyses, in the corpus's order.
    const wantPapers = input.length === 0;
    const imported =
      store && analyses.length > 0
        ? await importAnalyses(store, analyses, {
            cwd,
            fingerprint: EXTRACTOR_FINGERPRINT,
            wantPapers,
            onNote,
          })
        : undefined;
    if (imported)
      onNote?.(
        `analyses of ${imported.analyses} paper${imported.analyses === 1 ? "" : "s"} read from ${imported.files} file${imported.files === 1 ? "" : "s"}`,
      );
    if (wantPapers && imported?.papers) return { papers: imported.papers };
    return { papers: (await ingest(input, resolved)).papers };
  };
  return runBuild(read, resolved, { incremental: false, input });
}

/**
 * Builds the graph of the build in `options.out` again from its stored papers and their cached
 * analyses, with the corrections as they now are: nothing is extracted, and the map keeps its
 * threads and the places of the nodes it had. What a changed corrections file needs.
 */
export async function rebuild(options: Partial<PipelineOptions> = {}): Promise<BuildResult> {
  const resolved = resolveOptions({ ...options, cache: true });
  const noBuild = new NoBuildError(resolved.out, ": no build to rebuild");
  if (!existsSync(join(resolve(resolved.cwd, resolved.out), STORE_FILE))) throw noBuild;
  const read = async (store: BuildStore | undefined) => {
    if (!store || store.paperCount() === 0) throw noBuild;
    return { papers: store.loadPapers() };
  };
  return runBuild(read, resolved, { incremental: true });
}

/**
 * Adds papers to the build in `options.out`: only the new ones are analysed, and the map keeps
 * its threads and the places of the nodes it had.
 */
export async function add(
  input: PaperInput,
  options: Partial<PipelineOptions> = {},
): Promise<AddResult> {
  const resolved = resolveOptions({ ...options, cache: true });
  const noBuild = new NoBuildError(resolved.out, ": no build to add to");
  if (!existsSync(join(resolve(resolved.cwd, resolved.out), STORE_FILE))) throw noBuild;
  let before = 0;
  let added = 0;
  const result = await runBuild(
    async (store) => {
      if (!store || store.paperCount() === 0) throw noBuild;
      const { papers } = await ingest(input, resolved);
      // The new papers are analysed on other threads while this one loads the build's.
      const ahead = analyzeAhead(papers, store, { workers: resolved.workers });
      const existing = store.loadPapers();
      const merged = mergePapers([...existing, ...papers]).papers;
      before = existing.length;
      added = merged.length - existing.length;
      return { papers: merged, ahead };
    },
    resolved,
    { incremental: true },
  );
  return { ...result, before, added };
}

/** The corrections file a build in `dir` reads, to append to: the one it used, else the default. */
export function correctionsFileOf(options: Partial<PipelineOptions> = {}): string {
  const resolved = resolveOptions(options);
  if (resolved.corrections) return resolve(resolved.cwd, resolved.corrections);
  const dir = resolve(resolved.cwd, resolved.out);
  const store = existsSync(join(dir, STORE_FILE))
    ? openBuildStore(join(dir, STORE_FILE), EXTRACTOR_FINGERPRINT)
    : undefined;
  try {
    return store?.setting("corrections") ?? join(dir, CORRECTIONS_FILE);
  } finally {
    store?.close();
  }
}

/**
 * Appends corrections to a corrections file, checked against what it holds (a merge cycle is
 * refused): the file is replaced whole, so a failure leaves it as it was.
 */
export async function appendCorrections(
  file: string,
  corrections: readonly Correction[],
): Promise<void> {
  const before = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw new PapergraphError(`${file}: cannot read (${error.code})`);
  });
  const text = `${before}${before === "" || before.endsWith("\n") ? "" : "\n"}${corrections
    .map((c) => `${correctionLine(c)}\n`)
    .join("")}`;
  checkMerges(parseCorrections(text, file));
  await writeFileAtomic(file, text);
}

/** Removes the last correction of a corrections file (the viewer's undo); it returns it. */
export async function undoLastCorrection(file: string): Promise<Correction | undefined> {
  const text = await readFile(file, "utf8").catch(() => "");
  const corrections = parseCorrections(text, file);
  const last = corrections.at(-1);
  if (!last) return undefined;
  const kept = text.split(/\r\n|\r|\n/).slice(0, last.source.line - 1);
  await writeFileAtomic(file, kept.length > 0 ? `${kept.join("\n")}\n` : "");
  return last;
}

/** A concept no node answers to, or several answer to equally: the nearest are suggested. */
export class UnknownConceptError extends PapergraphError {
  readonly suggestions: ConceptRef[];

  constructor(concept: string, ambiguous: boolean, suggestions: ConceptRef[]) {
    const list = suggestions.map((s) => `  ${s.id}  (${s.label})`).join("\n");
    const what = ambiguous ? "is ambiguous; did you mean one of" : "matches no concept; nearest";
    super(`"${concept}" ${what}:\n${list}`);
    this.suggestions = suggestions;
  }
}

export interface NeighborsResult {
  concept: ConceptRef;
  /**
   * How the concept was found: its id, its name, an alias, a close spelling, or as the one of
   * several going by that name that far more papers name.
   */
  how: "id" | "name" | "alias" | "spelling" | "most named";
  /** At most `limit` neighbours of each type, strongest first. */
  neighbors: Neighbor[];
  /** How many neighbours of each type there are, before the limit. */
  totals: Partial<Record<NodeType, number>>;
}

/**
 * What a concept connects to, grouped by type and strongest first, with the papers behind each
 * link. The concept is a name, alias, acronym, close spelling or node id ("invariance:rotation").
 */
export function neighbors(
  graph: KnowledgeGraph,
  concept: string,
  options: NeighborOptions = {},
): NeighborsResult {
  const resolution = resolveConcept(graph, concept);
  if (!resolution.found)
    throw new UnknownConceptError(concept, resolution.ambiguous, resolution.suggestions);
  const { found, how } = resolution;
  return { concept: found, how, ...neighborsOf(graph, found.id, options) };
}

/** Gold annotations from a JSON Lines file (the format of the annotation guidelines). */
async function readGoldFile(path: string, cwd: string, what: string): Promise<string> {
  return readFile(resolve(cwd, path), "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new PapergraphError(`${path}: cannot read the ${what} (${error.code ?? error.message})`);
  });
}

export async function loadGold(path: string, cwd = "."): Promise<GoldPaper[]> {
  return parseGold(await readGoldFile(path, cwd, "gold file"), path);
}

/** Judged merge pairs (JSON Lines of {"a", "b", "same"}), as `merges-dev.jsonl` holds them. */
export async function loadMergePairs(path: string, cwd = "."): Promise<MergePair[]> {
  return parseMergePairs(await readGoldFile(path, cwd, "pairs file"), path);
}

export interface EvaluateOptions extends Partial<PipelineOptions> {
  /** Score only these types; the others count zero. */
  types?: readonly EntityType[];
}

/**
 * Extraction scored against gold annotations: precision, recall and F1 per type and overall, and
 * each paper's errors. A gold record is found in `papers` by id or title, or brings its own text.
 */
export async function evaluate(
  gold: readonly GoldPaper[],
  papers: readonly Paper[],
  options: EvaluateOptions = {},
): Promise<EvalReport> {
  const scored = goldPapers(gold, papers);
  const extraction = await extract(scored.papers, options);
  return scoreExtraction(gold, scored.ids, extraction, options.types ?? ENTITY_TYPES);
}

/** Entities and threads threads.json lists as rising, for the viewer. */
const RISING_LISTED = 15;

/** The threads with what is rising in the recent months: what threads.json holds. */
export function withRising(built: GraphWithThreads): ThreadReport {
  const { since, months, rising } = trends(built, { limit: RISING_LISTED });
  return rising.length > 0
    ? { ...built.threads, rising: { since, months, trends: rising } }
    : built.threads;
}

/** A built graph and its threads: what the questions of time read. */
export interface GraphWithThreads {
  graph: KnowledgeGraph;
  threads: ThreadReport;
}

/** What is rising, new and fading in a built graph, entities and threads. */
export function trends(built: GraphWithThreads, options: Partial<TrendOptions> = {}): TrendReport {
  const labels = new Map(built.threads.threads.map((t) => [t.id, t.label]));
  return findTrends(fieldSeries(built.graph, labels), options);
}

export interface GapsOptions extends Partial<Omit<GapOptions, "concept">> {
  /** Only this concept's gaps: a name, alias or "type:name", resolved as `neighbors` does. */
  concept?: string;
}

export interface GapsResult extends GapReport {
  /** The concept asked about, as found. */
  concept?: ConceptRef;
}

/** Pairs of entities no paper names together yet that the graph says will meet, with evidence. */
export function gaps(graph: KnowledgeGraph, options: GapsOptions = {}): GapsResult {
  let concept: ConceptRef | undefined;
  if (options.concept !== undefined) {
    const resolution = resolveConcept(graph, options.concept);
    if (!resolution.found)
      throw new UnknownConceptError(options.concept, resolution.ambiguous, resolution.suggestions);
    concept = resolution.found;
    if (concept.type === "paper")
      throw new UsageError(`"${options.concept}" is a paper; gaps are between entities`);
  }
  const report = findGaps(gapField(incidenceOf(graph)), { ...options, concept: concept?.id });
  return concept ? { concept, ...report } : report;
}

/**
 * The gaps' backtest at a cutoff day (YYYY-MM-DD): the graph of the papers before it, every
 * candidate pair scored, the pairs that 2 or more later papers name together counted as found.
 */
export function backtestGaps(
  graph: KnowledgeGraph,
  cutoff: string,
  onStep?: (step: string) => void,
): BacktestReport {
  return backtestAt(incidenceOf(graph), cutoff, onStep);
}
