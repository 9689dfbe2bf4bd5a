import { resolve } from "node:path";
import { formatProblem, type IngestSummary } from "../ingest/index.js";
import { toJsonLines, writeFileAtomic } from "../io/index.js";
import { ingest } from "../pipeline.js";
import { type CliIO, limitsFrom, noteTo } from "./io.js";

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
    `Read ${summary.files} file${summary.files === 1 ? "" : "s"} (${describeFormats(summary.formats) || "none"})`,
    `  ${summary.entries} entries → ${summary.papers} distinct papers (${summary.duplicates} duplicates merged)`,
    `  ${summary.withoutAbstract} papers without an abstract (kept)`,
    `  ${summary.skipped} records skipped${summary.skipped > 0 ? ":" : ""}`,
    ...summary.problems.map((p) => `    ${formatProblem(p)}`),
  ];
  if (out) lines.push(`Wrote ${summary.papers} papers to ${out}`);
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
