import { loadGraph } from "../build-folder.js";
import { UsageError } from "../errors.js";
import {
  byPaper,
  type EvalReport,
  type MergeReport,
  type PaperReport,
  scoreMerges,
} from "../eval/index.js";
import { evaluate, ingest, loadGold, loadMergePairs } from "../pipeline.js";
import { ENTITY_TYPES, type EntityType } from "../types.js";
import { type CliIO, count } from "./io.js";
import { progress } from "./progress.js";

export interface EvalCommandOptions {
  gold?: string;
  merges?: string;
  graph: string;
  corpus: string[];
  json?: boolean;
  errors?: boolean;
  byPaper?: boolean;
  types?: string[];
  quiet?: boolean;
}

/** The types `--types` names, checked. */
function scoredTypes(names: readonly string[] | undefined): EntityType[] {
  if (!names) return [...ENTITY_TYPES];
  const types = names.flatMap((name) => name.split(",")).filter(Boolean);
  for (const type of types)
    if (!ENTITY_TYPES.includes(type as EntityType))
      throw new UsageError(`--types: unknown type "${type}" (one of ${ENTITY_TYPES.join(", ")})`);
  return types as EntityType[];
}

const pct = (x: number) => x.toFixed(3);

function formatErrors(paper: PaperReport): string[] {
  const rows: string[] = [];
  for (const t of ENTITY_TYPES) {
    const { missed, wrong } = paper.errors[t];
    if (missed.length === 0 && wrong.length === 0) continue;
    const names = (items: { names: string[] }[]) =>
      items.map((i) => i.names.slice(0, 2).join(" / ")).join("; ");
    rows.push(`  ${t}: missed [${names(missed)}]  wrong [${names(wrong)}]`);
  }
  return rows;
}

/** Each paper's F1, worst first, with its errors beneath when asked. */
function formatByPaper(report: EvalReport, withErrors: boolean): string[] {
  const reports = new Map(report.perPaper.map((p) => [p.id || p.title, p]));
  const rows = ["", "F1     matched/found/gold  paper"];
  for (const paper of byPaper(report)) {
    const counts = `${paper.matched}/${paper.found}/${paper.gold}`;
    rows.push(`${pct(paper.f1)}  ${counts.padEnd(18)}  ${paper.title}`);
    if (withErrors) rows.push(...formatErrors(reports.get(paper.id || paper.title) as PaperReport));
  }
  return rows;
}

function formatReport(
  report: EvalReport,
  types: readonly EntityType[],
  withErrors: boolean,
  perPaper: boolean,
): string {
  const rows = [
    `Scored ${count(report.papers, "paper")}`,
    "type         precision  recall  F1      matched/found/gold",
    ...types.map((t) => {
      const s = report.byType[t];
      return `${t.padEnd(12)} ${pct(s.precision).padEnd(10)} ${pct(s.recall).padEnd(7)} ${pct(s.f1).padEnd(7)} ${s.matched}/${s.found}/${s.gold}`;
    }),
    `${"micro".padEnd(12)} ${pct(report.micro.precision).padEnd(10)} ${pct(report.micro.recall).padEnd(7)} ${pct(report.micro.f1)}`,
  ];
  for (const title of report.unmatched) rows.push(`not found in the corpus, not scored: ${title}`);
  if (perPaper) rows.push(...formatByPaper(report, withErrors));
  else if (withErrors) {
    for (const paper of report.perPaper) rows.push("", `## ${paper.title}`, ...formatErrors(paper));
  }
  return `${rows.join("\n")}\n`;
}

const share = (part: number, whole: number) =>
  whole === 0 ? "—" : `${((100 * part) / whole).toFixed(1)} %`;

function formatMerges(report: MergeReport, file: string, graph: string): string {
  const { different, same, missing, wrong } = report;
  const rows = [
    `Merges of ${graph}/ judged by ${file}`,
    `  different pairs kept apart:  ${different.keptApart}/${different.pairs} (${share(different.keptApart, different.pairs)})`,
    `  same pairs kept together:    ${same.keptTogether}/${same.pairs} (${share(same.keptTogether, same.pairs)})`,
    `  missing (a form no node goes by, not scored): ${missing.length}`,
  ];
  if (wrong.length > 0) rows.push("", "wrong:");
  for (const pair of wrong)
    rows.push(
      `  ${file}:${pair.line}  "${pair.a}" / "${pair.b}"  ${pair.same ? "split" : "merged"}`,
    );
  return `${rows.join("\n")}\n`;
}

/** `papergraph eval --merges FILE`: a build's merges against pairs of names a reader judged. */
async function evalMerges(file: string, options: EvalCommandOptions, io: CliIO): Promise<number> {
  const pairs = await loadMergePairs(file, io.cwd);
  const report = scoreMerges(await loadGraph(options.graph, io.cwd), pairs);
  if (options.json) io.stdout(`${JSON.stringify(report)}\n`);
  else io.stdout(formatMerges(report, file, options.graph));
  return 0;
}

/** `papergraph eval --gold FILE`: extraction scored against gold annotations. */
export async function evalCommand(options: EvalCommandOptions, io: CliIO): Promise<number> {
  if ((options.gold === undefined) === (options.merges === undefined))
    throw new UsageError("eval needs --gold FILE (extraction) or --merges FILE (a build's merges)");
  if (options.merges !== undefined) return evalMerges(options.merges, options, io);
  const types = scoredTypes(options.types);
  const gold = await loadGold(options.gold as string, io.cwd);
  const { papers } = await ingest(options.corpus, { cwd: io.cwd });
  const bar = progress(io, "extract", options.quiet || options.json);
  const report = await evaluate(gold, papers, { types, onProgress: bar.update });
  bar.done();
  if (options.json) {
    const { perPaper, ...summary } = report;
    const errors = options.errors
      ? perPaper.map(({ id, title, errors }) => ({ id, title, errors }))
      : undefined;
    const papers = options.byPaper ? byPaper(report) : undefined;
    io.stdout(`${JSON.stringify({ ...summary, byPaper: papers, errors })}\n`);
  } else io.stdout(formatReport(report, types, Boolean(options.errors), Boolean(options.byPaper)));
  return report.unmatched.length > 0 ? 1 : 0;
}
