import { resolve } from "node:path";
import { UsageError } from "../errors.js";
import { parseShard } from "../extract/index.js";
import { toJsonLines, writeFileAtomic } from "../io/index.js";
import { extract, extractShard, ingest } from "../pipeline.js";
import { ENTITY_TYPES, type Extraction } from "../types.js";
import { type CliIO, count, limitsFrom, noteTo, workersFrom } from "./io.js";
import { progress } from "./progress.js";

export interface ExtractCommandOptions {
  out?: string;
  maxFileSize?: string;
  maxAbstractLength?: string;
  workers?: string;
  /** "i/N": only shard i of N, into an analysis file in the folder --out. */
  shard?: string;
  json?: boolean;
  quiet?: boolean;
}

export interface ExtractSummary {
  papers: number;
  mentions: number;
  entities: Record<string, number>;
  seconds: number;
  papersPerSecond: number;
}

function summarize(extraction: Extraction, seconds: number): ExtractSummary {
  const entities = Object.fromEntries(
    ENTITY_TYPES.map((t) => [t, extraction.entities.filter((e) => e.type === t).length]),
  );
  const mentions = extraction.papers.reduce((n, p) => n + p.mentions.length, 0);
  const papers = extraction.papers.length;
  return { papers, mentions, entities, seconds, papersPerSecond: papers / Math.max(seconds, 1e-9) };
}

/** Ingests and extracts with progress on a terminal. */
async function ingestAndExtract(paths: string[], io: CliIO, options: ExtractCommandOptions) {
  const { papers } = await ingest(paths, {
    cwd: io.cwd,
    limits: limitsFrom(options),
    onNote: noteTo(io),
  });
  const bar = progress(io, "extract", options.quiet || options.json);
  const started = performance.now();
  const extraction = await extract(papers, {
    onProgress: bar.update,
    workers: workersFrom(options),
  });
  bar.done();
  return { extraction, seconds: (performance.now() - started) / 1000 };
}

/** `papergraph extract --shard i/N --out DIR`: one task of a job array. */
async function extractShardCommand(
  paths: string[],
  options: ExtractCommandOptions & { shard: string },
  io: CliIO,
): Promise<number> {
  const shard = parseShard(options.shard);
  if (!options.out)
    throw new UsageError("--shard writes an analysis file into a folder: give it with --out DIR");
  const bar = progress(io, `extract ${shard.index}/${shard.count}`, options.quiet || options.json);
  const started = performance.now();
  const result = await extractShard(paths, shard, options.out, {
    cwd: io.cwd,
    limits: limitsFrom(options),
    onNote: noteTo(io),
    workers: workersFrom(options),
    onProgress: bar.update,
  });
  bar.done();
  const seconds = (performance.now() - started) / 1000;
  if (options.json) io.stdout(`${JSON.stringify({ shard, ...result, seconds })}\n`);
  else if (!options.quiet)
    io.stdout(
      `Extracted shard ${shard.index}/${shard.count}: ${count(result.papers, "paper")} of ${result.corpusPapers} in ${seconds.toFixed(2)} s, ${result.candidates} mentions\n` +
        `Wrote ${result.file}\n`,
    );
  return 0;
}

/** `papergraph extract <paths...>`: every paper with its mentions, for inspection. */
export async function extractCommand(
  paths: string[],
  options: ExtractCommandOptions,
  io: CliIO,
): Promise<number> {
  const { shard } = options;
  if (shard !== undefined) return extractShardCommand(paths, { ...options, shard }, io);
  const { extraction, seconds } = await ingestAndExtract(paths, io, options);
  if (options.out) {
    const records = extraction.papers.map(({ paper, mentions }) => ({ ...paper, mentions }));
    await writeFileAtomic(resolve(io.cwd, options.out), toJsonLines(records));
  }
  const summary = summarize(extraction, seconds);
  if (options.json) io.stdout(`${JSON.stringify({ ...summary, out: options.out ?? null })}\n`);
  else if (!options.quiet) {
    const byType = ENTITY_TYPES.map((t) => `${summary.entities[t]} ${t}s`).join(", ");
    io.stdout(
      `Extracted ${count(summary.papers, "paper")} in ${seconds.toFixed(2)} s (${summary.papersPerSecond.toFixed(0)} papers/s)\n` +
        `  ${summary.mentions} mentions of ${extraction.entities.length} entities: ${byType}\n` +
        (options.out
          ? `Wrote ${count(summary.papers, "paper")} with their mentions to ${options.out}\n`
          : ""),
    );
  }
  return 0;
}
