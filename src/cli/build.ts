import type { Correction } from "../curate/index.js";
import { DEFAULT_CORPUS, type PipelineOptions } from "../options.js";
import { add, type BuildResult, build, rebuild } from "../pipeline.js";
import { type CliIO, count, limitsFrom, noteTo, resolutionFrom, workersFrom } from "./io.js";
import { progress } from "./progress.js";

export interface BuildCommandOptions {
  out: string;
  maxFileSize?: string;
  maxAbstractLength?: string;
  workers?: string;
  /** false with --no-cache: no store, every paper extracted. */
  cache?: boolean;
  /** --analyses, once per path. */
  analyses?: string[];
  /** false with --no-extract. */
  extract?: boolean;
  resolution: string;
  corrections?: string;
  thesaurus?: string;
  json?: boolean;
  quiet?: boolean;
}

/** "file:line" of each correction. */
function whereWritten(corrections: readonly Correction[]): string[] {
  return corrections.map(({ source }) => `${source.file}:${source.line}`);
}

function formatSummary(result: BuildResult, out: string): string {
  const { stats, threads } = result;
  const n = stats.nodesByType;
  const e = stats.edgesByType;
  const lines = [
    `Built the graph of ${count(n.paper, "paper")} in ${out}/ (graph.json, graph.gexf, threads.json)`,
    `  entities: ${count(n.method, "method")}, ${count(n.dataset, "dataset")}, ${count(n.task, "task")}, ${count(n.invariance, "invariance")}`,
    `  edges: ${stats.edges} (${e.proposes} proposes, ${e.uses} uses, ${e.evaluatesOn} evaluatesOn, ${e.addresses} addresses, ${e.targets} targets, ${e.cooccurs} co-occurrences)`,
    `  ${count(threads.threads.length, "research thread")}, modularity ${threads.modularity.toFixed(3)} (resolution ${threads.resolution}):`,
    ...threads.threads
      .slice(0, 15)
      .map(
        (t) =>
          `    ${String(t.id).padStart(2)}  ${String(t.paperCount).padStart(3)} papers  ${t.label}`,
      ),
  ];
  if (threads.threads.length > 15)
    lines.push(`    … and ${threads.threads.length - 15} smaller threads (papergraph threads)`);
  const { applied, unused } = result.corrections;
  if (applied + unused.length > 0) {
    const none =
      unused.length > 0 ? ` (${whereWritten(unused).join(", ")} name nothing here, kept)` : "";
    lines.push(`  corrections: ${applied} applied, ${unused.length} unused${none}`);
  }
  const times = Object.entries(result.seconds).map(([stage, s]) => `${stage} ${s.toFixed(2)}s`);
  lines.push(`  time: ${times.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** The pipeline options a build command's flags set, with a progress bar while papers are analysed. */
function pipelineOptions(options: BuildCommandOptions, io: CliIO): Partial<PipelineOptions> {
  const bar = progress(io, "extract", options.quiet || options.json);
  return {
    out: options.out,
    cwd: io.cwd,
    onNote: noteTo(io),
    cache: options.cache,
    analyses: options.analyses,
    extract: options.extract,
    resolution: resolutionFrom(options.resolution),
    workers: workersFrom(options),
    limits: limitsFrom(options),
    corrections: options.corrections,
    thesaurus: options.thesaurus,
    onProgress: bar.update,
    onStage: () => bar.done(),
  };
}

/** `papergraph build`: ingest, extract, graph, threads, layout, and the files the viewer and Gephi open. */
export async function buildCommand(
  paths: string[],
  options: BuildCommandOptions,
  io: CliIO,
): Promise<number> {
  // Inputs default to the shipped corpus, unless the analyses bring the papers.
  const inputs = paths.length > 0 || options.analyses?.length ? paths : [DEFAULT_CORPUS];
  report(await build(inputs, pipelineOptions(options, io)), options, io);
  return 0;
}

/** `papergraph add <paths...>`: new papers into an existing build, re-extracting only those. */
export async function addCommand(
  paths: string[],
  options: BuildCommandOptions,
  io: CliIO,
): Promise<number> {
  const result = await add(paths, pipelineOptions(options, io));
  if (!options.json && !options.quiet) {
    io.stdout(
      `Added ${count(result.added, "new paper")} to the ${result.before} of ${options.out}/ (extracted ${result.analyzed}, reused ${result.reused} from the cache)\n`,
    );
  }
  report(result, options, io);
  return 0;
}

/** `papergraph rebuild`: the graph again from the build's papers, with the corrections as they now are. */
export async function rebuildCommand(options: BuildCommandOptions, io: CliIO): Promise<number> {
  report(await rebuild(pipelineOptions(options, io)), options, io);
  return 0;
}

function report(result: BuildResult, options: BuildCommandOptions, io: CliIO): void {
  if (options.json) {
    const threads = result.threads.threads.map(({ id, label, size, paperCount }) => ({
      id,
      label,
      size,
      paperCount,
    }));
    // Peak resident memory of the whole process, worker threads included.
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const { out } = options;
    const { applied, unused } = result.corrections;
    const corrections = {
      applied,
      unused: unused.map(({ source, action, entity }) => ({
        ...source,
        action,
        entity: entity.ref,
      })),
    };
    const { seconds, peakMB: peakRssMBByStage } = result;
    const { analyzed: extracted, reused } = result;
    io.stdout(
      `${JSON.stringify({ out, ...result.stats, threads, corrections, extracted, reused, seconds, peakRssMBByStage, peakRssMB })}\n`,
    );
  } else if (!options.quiet) io.stdout(formatSummary(result, options.out));
}
