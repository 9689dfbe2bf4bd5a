import { join, resolve } from "node:path";
import { toGexf, toJson } from "../export/index.js";
import { extractPapersParallel } from "../extract/index.js";
import { buildGraph, graphStats } from "../graph/index.js";
import { ingestPaths } from "../ingest/index.js";
import { removeStaleTemporaries, writeFilesAtomic } from "../io/index.js";
import type { ThreadReport } from "../types.js";
import { type CliIO, limitsFrom, UserError, workersFrom } from "./io.js";
import { progress } from "./progress.js";

export interface BuildCommandOptions {
  out: string;
  maxFileSize?: string;
  maxAbstractLength?: string;
  workers?: string;
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

/** `papergraph build`: ingest, extract, graph, threads, layout, and the files the viewer and Gephi open. */
/** Runs the stages in order, timing each; a failure names the stage it happened in. */
export async function buildCommand(
  paths: string[],
  options: BuildCommandOptions,
  io: CliIO,
): Promise<number> {
  const resolution = parseResolution(options.resolution);
  const clock = stopwatch();
  const dir = resolve(io.cwd, options.out);
  try {
    clock.start("ingest");
    const { papers } = await ingestPaths(paths, { cwd: io.cwd, limits: limitsFrom(options) });
    clock.start("extract");
    const bar = progress(io, "extract", options.quiet || options.json);
    const extraction = await extractPapersParallel(papers, {
      onProgress: bar.update,
      workers: workersFrom(options),
    });
    bar.done();
    const built = buildGraph(extraction, {
      threads: { resolution },
      onStage: (stage) => clock.start(stage),
    });
    clock.start("export");
    await removeStaleTemporaries(dir);
    await writeFilesAtomic([
      [join(dir, "graph.json"), toJson(built.graph)],
      [join(dir, "graph.gexf"), toGexf(built.graph)],
      [join(dir, "threads.json"), `${JSON.stringify(built.threads, null, 2)}\n`],
    ]);
    const timings = clock.finish();
    report(built, timings, options, io);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `build failed in stage "${clock.current()}", previous outputs in ${options.out}/ kept: ${message}`,
    );
  }
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
    io.stdout(
      `${JSON.stringify({ out: options.out, ...stats, threads, seconds: Object.fromEntries(timings) })}\n`,
    );
  } else if (!options.quiet) io.stdout(formatSummary(stats, built.threads, timings, options.out));
}
