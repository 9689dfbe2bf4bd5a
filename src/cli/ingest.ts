import { resolve } from "node:path";
import { formatProblem, type IngestSummary } from "../ingest/index.js";
import { toJsonLines, writeFileAtomic } from "../io/index.js";
import { ingest } from "../pipeline.js";
import { type CliIO, count, limitsFrom, noteTo } from "./io.js";

export interface IngestCommandOptions {
  out?: string;
  maxFileSize?: string;
  maxAbstractLength?: string;
  json?: boolean;
  skipBad?: boolean;
  quiet?: boolean;
}

function describeFormats(formats: IngestSummary["formats"]): string {
  return Object.entries(formats)
    .map(([format, count]) => `${format}: ${count}`)
    .join(", ");
}

export function formatIngestSummary(summary: IngestSummary, out?: string): string {
  const lines = [
    `Read ${count(summary.files, "file")} (${describeFormats(summary.formats) || "none"})`,
    `  ${count(summary.entries, "entry", "entries")} → ${count(summary.papers, "distinct paper")} (${count(summary.duplicates, "duplicate")} merged)`,
    `  ${count(summary.withoutAbstract, "paper")} without an abstract (kept)`,
    `  ${count(summary.skipped, "record")} skipped${summary.skipped > 0 ? ":" : ""}`,
    ...summary.problems.map((p) => `    ${formatProblem(p)}`),
  ];
  if (out) lines.push(`Wrote ${count(summary.papers, "paper")} to ${out}`);
  return `${lines.join("\n")}\n`;
}

/** `papergraph ingest <paths...>`: read, clean and de-duplicate; print a summary; optionally write JSONL. */
export async function ingestCommand(
  paths: string[],
  options: IngestCommandOptions,
  io: CliIO,
): Promise<number> {
  const { papers, summary } = await ingest(paths, {
    cwd: io.cwd,
    skipBad: options.skipBad,
    limits: limitsFrom(options),
    onSkip: (problem) => io.stderr(`warning: skipped ${formatProblem(problem)}\n`),
    onNote: noteTo(io),
  });
  if (options.out) await writeFileAtomic(resolve(io.cwd, options.out), toJsonLines(papers));
  if (options.json) io.stdout(`${JSON.stringify({ ...summary, out: options.out ?? null })}\n`);
  else if (!options.quiet) io.stdout(formatIngestSummary(summary, options.out));
  return 0;
}
