import { join, resolve } from "node:path";
import { toGexf, toJson } from "../export/index.js";
import { extractPapers } from "../extract/index.js";
import { buildGraph, graphStats } from "../graph/index.js";
import { ingestPaths } from "../ingest/index.js";
import { writeFileAtomic } from "../io/index.js";
import type { ThreadReport } from "../types.js";
import type { CliIO } from "./io.js";
import { progress } from "./progress.js";

export interface BuildCommandOptions {
  out: string;
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
    throw new Error(`--resolution must be a positive number, got "${value}"`);
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
export async function buildCommand(
  paths: string[],
  options: BuildCommandOptions,
  io: CliIO,
): Promise<number> {
  const resolution = parseResolution(options.resolution);
  const clock = stopwatch();
  clock.start("ingest");
  const { papers } = await ingestPaths(paths, { cwd: io.cwd });
  clock.start("extract");
  const bar = progress(io, "extract", options.quiet || options.json);
  const extraction = extractPapers(papers, { onProgress: bar.update });
  bar.done();
  const built = buildGraph(extraction, {
    threads: { resolution },
    onStage: (stage) => clock.start(stage),
  });
  clock.start("export");
  const dir = resolve(io.cwd, options.out);
  await writeFileAtomic(join(dir, "graph.json"), toJson(built.graph));
  await writeFileAtomic(join(dir, "graph.gexf"), toGexf(built.graph));
  await writeFileAtomic(join(dir, "threads.json"), `${JSON.stringify(built.threads, null, 2)}\n`);
  const timings = clock.finish();
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
  return 0;
}
