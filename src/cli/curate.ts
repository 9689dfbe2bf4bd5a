import { loadGraph } from "../build-folder.js";
import { type Correction, type MergeEvidence, suggestMerges } from "../curate/index.js";
import { appendCorrections, correctionsFileOf, rebuild } from "../pipeline.js";
import { type CliIO, count } from "./io.js";
import { positiveInteger } from "./query.js";

export interface SuggestMergesOptions {
  graph: string;
  limit: string;
  corrections?: string;
  accept?: boolean;
  json?: boolean;
}

export function describeEvidence(evidence: MergeEvidence): string {
  switch (evidence.kind) {
    case "acronym":
      return `acronym ${evidence.short} of "${evidence.long}"`;
    case "spelling":
      return `${count(evidence.distance, "letter")} apart`;
    case "generic-word":
      return `same name without "${evidence.word}"`;
    case "lexicon":
      return `one entity in the lexicon (${evidence.name})`;
    case "shared-papers":
      return `${evidence.papers === 1 ? "1 paper names" : `${evidence.papers} papers name`} both`;
  }
}

/**
 * `papergraph suggest-merges`: likely duplicates, strongest first, with their evidence; with
 * --accept, appended to the corrections file as merges and applied by a rebuild.
 */
export async function suggestMergesCommand(
  options: SuggestMergesOptions,
  io: CliIO,
): Promise<number> {
  const limit = positiveInteger(options.limit, "--limit");
  const suggestions = suggestMerges(await loadGraph(options.graph, io.cwd), limit);
  const where = { out: options.graph, cwd: io.cwd, corrections: options.corrections };
  const file = options.accept ? correctionsFileOf(where) : undefined;
  if (file && suggestions.length > 0) {
    const merges = suggestions.map(
      (s, i): Correction => ({
        action: "merge",
        entity: { ref: s.entity.id },
        into: { ref: s.into.id },
        source: { file, line: i + 1 },
      }),
    );
    await appendCorrections(file, merges);
    await rebuild({ ...where, corrections: file });
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ suggestions, accepted: file ? suggestions.length : 0, file })}\n`,
    );
    return 0;
  }
  const rows = suggestions.map(
    (s, i) =>
      `${String(i + 1).padStart(3)}. ${s.entity.label} (${s.entity.papers}) → ${s.into.label} (${s.into.papers})  [${s.type}, ${s.score.toFixed(1)}]\n` +
      `     ${s.evidence.map(describeEvidence).join("; ")}\n     ${s.entity.id} → ${s.into.id}`,
  );
  if (rows.length === 0) rows.push("No likely duplicates.");
  if (file)
    rows.push(`Accepted ${suggestions.length} merges into ${file}; ${options.graph}/ rebuilt.`);
  else if (suggestions.length > 0)
    rows.push("Accept them all with --accept (--limit N to take the first N).");
  io.stdout(`${rows.join("\n")}\n`);
  return 0;
}
