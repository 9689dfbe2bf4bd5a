import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { gexfFileData, jsonChunks } from "../export/index.js";
import {
  type AnalysesAhead,
  analyzeAhead,
  EXTRACTOR_FINGERPRINT,
  extractPapersCached,
  extractPapersParallel,
} from "../extract/index.js";
import { type BuiltGraph, buildGraph, graphStats } from "../graph/index.js";
import { ingestPaths, mergePapers } from "../ingest/index.js";
import { removeStaleTemporaries, writeFilesAtomic } from "../io/index.js";
import { type BuildStore, openBuildStore, STORE_FILE } from "../store/index.js";
import type { Extraction, Paper, ThreadReport } from "../types.js";
import { type CliIO, limitsFrom, UserError, workersFrom } from "./io.js";
import { progress } from "./progress.js";

export interface BuildCommandOptions {
  out: string;
  maxFileSize?: string;
  maxAbstractLength?: string;
  workers?: string;
  /** false with --no-cache: no store, every paper extracted. */
  cache?: boolean;
  resolution: string;
  json?: boolean;
  quiet?: boolean;
}

/** Seconds spent in each stage, in order. */
type Timings = [stage: string, seconds: number][];

function stopwatch() {
  const timings: Timings = [];
  let stage = "";
  let started = performance.now();
  const stop = () => {
    if (stage) timings.push([stage, Math.round(performance.now() - started) / 1000]);
  };
  return {
    start(next: string) {
      stop();
      stage = next;
      started = performance.now();
    },
    current: () => stage,
    finish(): Timings {
      stop();
      stage = "";
      return timings;
    },
  };
}

function parseResolution(value: string): number {
  const resolution = Number(value);
  if (!Number.isFinite(resolution) || resolution <= 0)
    throw new UserError(`--resolution must be a positive number, got "${value}"`, 2);
  return resolution;
}

function formatSummary(
  stats: ReturnType<typeof graphStats>,
  threads: ThreadReport,
  timings: Timings,
  out: string,
): string {
  const n = stats.nodesByType;
  const e = stats.edgesByType;
  const lines = [
    `Built the graph of ${n.paper} papers in ${out}/ (graph.json, graph.gexf, threads.json)`,
    `  entities: ${n.method} methods, ${n.dataset} datasets, ${n.task} tasks, ${n.invariance} invariances`,
    `  edges: ${stats.edges} (${e.proposes} proposes, ${e.uses} uses, ${e.evaluatesOn} evaluatesOn, ${e.addresses} addresses, ${e.targets} targets, ${e.cooccurs} co-occurrences)`,
    `  ${threads.threads.length} research threads, modularity ${threads.modularity.toFixed(3)} (resolution ${threads.resolution}):`,
    ...threads.threads
      .slice(0, 15)
      .map(
        (t) =>
          `    ${String(t.id).padStart(2)}  ${String(t.paperCount).padStart(3)} papers  ${t.label}`,
      ),
  ];
  if (threads.threads.length > 15)
    lines.push(`    … and ${threads.threads.length - 15} smaller threads (papergraph threads)`);
  lines.push(`  time: ${timings.map(([stage, s]) => `${stage} ${s.toFixed(2)}s`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** Where a build keeps its papers and cached extractions, unless --no-cache. */
function openStore(dir: string, options: BuildCommandOptions): BuildStore | undefined {
  if (options.cache === false) return undefined;
  mkdirSync(dir, { recursive: true });
  const store = openBuildStore(join(dir, STORE_FILE), EXTRACTOR_FINGERPRINT);
  store.prune(EXTRACTOR_FINGERPRINT);
  return store;
}

/**
 * The stages after ingest, shared by `build` and `add`: extract (cached analyses reused), graph,
 * threads, layout, then every output staged and renamed at once. A failure names its stage.
 */
export async function buildFrom(
  readPapers: (
    store: BuildStore | undefined,
  ) => Promise<{ papers: Paper[]; ahead?: AnalysesAhead }>,
  options: BuildCommandOptions & { incremental?: boolean },
  io: CliIO,
): Promise<{ built: BuiltGraph; timings: Timings; cache: { analyzed: number; reused: number } }> {
  const resolution = parseResolution(options.resolution);
  const clock = stopwatch();
  const dir = resolve(io.cwd, options.out);
  const store = openStore(dir, options);
  try {
    clock.start("ingest");
    const { papers, ahead } = await readPapers(store);
    clock.start("extract");
    const bar = progress(io, "extract", options.quiet || options.json);
    const extractOptions = { onProgress: bar.update, workers: workersFrom(options) };
    let cached: { extraction?: Extraction; analyzed: number; reused: number } = store
      ? await extractPapersCached(papers, store, { ...extractOptions, ahead })
      : {
          extraction: await extractPapersParallel(papers, extractOptions),
          analyzed: papers.length,
          reused: 0,
        };
    bar.done();
    // An incremental build keeps the previous map (positions and threads), kept in the store.
    const previous = options.incremental ? store?.loadPlacements() : undefined;
    const built = buildGraph(cached.extraction as Extraction, {
      threads: { resolution },
      previous,
      onStage: (stage) => clock.start(stage),
    });
    // The graph holds what export needs; the extraction can be collected before export allocates.
    cached = { analyzed: cached.analyzed, reused: cached.reused };
    clock.start("export");
    await removeStaleTemporaries(dir);
    await writeFilesAtomic([
      [join(dir, "graph.json"), jsonChunks(built.graph)],
      [join(dir, "graph.gexf"), gexfFileData(built.graph)],
      [join(dir, "threads.json"), `${JSON.stringify(built.threads, null, 2)}\n`],
    ]);
    store?.saveBuild(
      papers,
      built.graph.mapNodes((node, { x, y, thread }) => [node, { x, y, thread }]),
    );
    return {
      built,
      timings: clock.finish(),
      cache: { analyzed: cached.analyzed, reused: cached.reused },
    };
  } catch (error) {
    if (error instanceof UserError && error.exitCode === 2) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `build failed in stage "${clock.current()}", previous outputs in ${options.out}/ kept: ${message}`,
    );
  } finally {
    store?.close();
  }
}

/** `papergraph build`: ingest, extract, graph, threads, layout, and the files the viewer and Gephi open. */
export async function buildCommand(
  paths: string[],
  options: BuildCommandOptions,
  io: CliIO,
): Promise<number> {
  const read = async () => ({
    papers: (await ingestPaths(paths, { cwd: io.cwd, limits: limitsFrom(options) })).papers,
  });
  const { built, timings } = await buildFrom(read, options, io);
  report(built, timings, options, io);
  return 0;
}

/** `papergraph add <paths...>`: new papers into an existing build, re-extracting only those. */
export async function addCommand(
  paths: string[],
  options: BuildCommandOptions,
  io: CliIO,
): Promise<number> {
  const dir = resolve(io.cwd, options.out);
  const noBuild = new UserError(
    `${options.out}/: no build to add to; run "papergraph build --out ${options.out}" first`,
  );
  if (!existsSync(join(dir, STORE_FILE))) throw noBuild;
  let before = 0;
  let added = 0;
  const read = async (store: BuildStore | undefined) => {
    if (!store || store.paperCount() === 0) throw noBuild;
    const { papers } = await ingestPaths(paths, { cwd: io.cwd, limits: limitsFrom(options) });
    // The new papers are analysed on another thread while this one loads the build's.
    const ahead = analyzeAhead(papers, store, { workers: workersFrom(options) });
    const existing = store.loadPapers();
    const merged = mergePapers([...existing, ...papers]).papers;
    before = existing.length;
    added = merged.length - existing.length;
    return { papers: merged, ahead };
  };
  const { built, timings, cache } = await buildFrom(
    read,
    { ...options, cache: true, incremental: true },
    io,
  );
  if (!options.json && !options.quiet) {
    io.stdout(
      `Added ${added} new papers to the ${before} of ${options.out}/ (extracted ${cache.analyzed}, reused ${cache.reused} from the cache)\n`,
    );
  }
  report(built, timings, options, io);
  return 0;
}

function report(
  built: ReturnType<typeof buildGraph>,
  timings: Timings,
  options: BuildCommandOptions,
  io: CliIO,
): void {
  const stats = graphStats(built.graph);
  if (options.json) {
    const threads = built.threads.threads.map(({ id, label, size, paperCount }) => ({
      id,
      label,
      size,
      paperCount,
    }));
    // Peak resident memory of the whole process, worker threads included.
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const seconds = Object.fromEntries(timings);
    io.stdout(`${JSON.stringify({ out: options.out, ...stats, threads, seconds, peakRssMB })}\n`);
  } else if (!options.quiet) io.stdout(formatSummary(stats, built.threads, timings, options.out));
}
