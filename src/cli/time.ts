/** `papergraph trends` and `papergraph gaps`: the field in time, from a built graph. */
import { loadGraph, loadThreads } from "../build-folder.js";
import { UsageError } from "../errors.js";
import { backtestGaps, type GapsResult, gaps, trends } from "../pipeline.js";
import {
  type BacktestReport,
  HORIZON_MONTHS,
  PAIR_TYPE_NAMES,
  type PairType,
  parseMonth,
  SCORERS,
  type TrendReport,
} from "../time/index.js";
import { ENTITY_TYPES, type EntityType, type Trend } from "../types.js";
import { type CliIO, count } from "./io.js";
import { positiveInteger } from "./query.js";

/** Eight heights of a bar, for a month's papers in one line of text. */
const SPARKS = "▁▂▃▄▅▆▇█";

/** A line of bars, one a month: each month's share of the papers, tallest the largest share. */
export function sparkline(monthly: readonly number[], papers: readonly number[]): string {
  const shares = monthly.map((n, i) => ((papers[i] as number) > 0 ? n / (papers[i] as number) : 0));
  const most = Math.max(...shares, Number.MIN_VALUE);
  return shares
    .map((share) => (share === 0 ? " " : SPARKS[Math.min(7, Math.floor((share / most) * 7.999))]))
    .join("");
}

function month(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    return parseMonth(value, option);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function trendType(value: string | undefined): EntityType | "thread" | undefined {
  if (value === undefined) return undefined;
  if (value !== "thread" && !ENTITY_TYPES.includes(value as EntityType))
    throw new UsageError(
      `--type must be one of ${[...ENTITY_TYPES, "thread"].join(", ")}, got "${value}"`,
    );
  return value as EntityType | "thread";
}

function trendLines(
  title: string,
  list: readonly Trend[],
  report: TrendReport,
  detail: (t: Trend) => string,
): string[] {
  if (list.length === 0) return [`${title}: none`];
  const width = Math.max(...list.map((t) => t.label.length + t.type.length + 3));
  return [
    `${title}:`,
    ...list.map((t, i) => {
      const name = `${t.label} (${t.type})`.padEnd(width);
      return `${String(i + 1).padStart(4)}. ${name}  ${sparkline(t.monthly, report.papers)}  ${detail(t)}`;
    }),
  ];
}

export interface TrendsCommandOptions {
  graph: string;
  since?: string;
  type?: string;
  limit: string;
  json?: boolean;
}

/** `papergraph trends`: what is rising, new and fading, entities and threads. */
export async function trendsCommand(options: TrendsCommandOptions, io: CliIO): Promise<number> {
  const since = month(options.since, "--since");
  const type = trendType(options.type);
  const limit = positiveInteger(options.limit, "--limit");
  const [graph, threads] = await Promise.all([
    loadGraph(options.graph, io.cwd),
    loadThreads(options.graph, io.cwd),
  ]);
  const report = trends({ graph, threads }, { since, type, limit });
  if (options.json) {
    io.stdout(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const dated = report.papers.reduce((sum, n) => sum + n, 0);
  if (report.months.length === 0) {
    io.stdout(
      `no paper's date gives its month (${count(report.undated, "paper")}): no trends to find\n`,
    );
    return 0;
  }
  const lines = [
    `${count(dated, "paper")} by month, ${report.months[0]} to ${report.months.at(-1)}; recent months from ${report.since}`,
    ...(report.undated > 0
      ? [
          `${count(report.undated, "paper")} without a month in ${report.undated === 1 ? "its" : "their"} date ${report.undated === 1 ? "is" : "are"} in no count`,
        ]
      : []),
    "(bars: each month's share of the papers naming it, tallest its largest)",
    "",
    ...trendLines(
      "Rising (a burst of twice its usual rate running into the recent months, strongest first)",
      report.rising,
      report,
      (t) =>
        `${t.burst?.start} to ${t.burst?.end}, strength ${t.burst?.strength}; ${count(t.papers, "paper")}`,
    ),
    "",
    ...trendLines(
      `New (first named since ${report.since}, by several papers)`,
      report.new,
      report,
      (t) => `first ${t.first}; ${count(t.papers, "paper")}`,
    ),
    "",
    ...trendLines(
      "Fading (under half its earlier share of the papers in the recent months)",
      report.fading,
      report,
      (t) =>
        `${((t.change?.before ?? 0) * 100).toFixed(2)}% of papers before, ${((t.change?.recent ?? 0) * 100).toFixed(2)}% since; ${count(t.papers, "paper")}`,
    ),
  ];
  io.stdout(`${lines.join("\n")}\n`);
  return 0;
}

export interface GapsCommandOptions {
  graph: string;
  pair?: string[];
  limit: string;
  json?: boolean;
  backtest?: boolean;
  cutoff?: string;
  quiet?: boolean;
}

function pairTypes(values: string[] | undefined): PairType[] | undefined {
  if (values === undefined) return undefined;
  for (const value of values)
    if (!PAIR_TYPE_NAMES.includes(value as PairType))
      throw new UsageError(`--pair must be one of ${PAIR_TYPE_NAMES.join(", ")}, got "${value}"`);
  return values as PairType[];
}

function cutoffDay(value: string | undefined): string {
  if (value === undefined) throw new UsageError("--backtest needs --cutoff YYYY-MM-DD");
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  // A day that does not exist (2026-02-30) comes back from Date as another.
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new UsageError(`--cutoff must be a day (YYYY-MM-DD), got "${value}"`);
  return value;
}

/** A gap's score in words: the model's chance of the pair meeting soon, or its Adamic-Adar. */
function strength(result: GapsResult, score: number): string {
  if (result.scorer !== "fitted") return `Adamic-Adar ${score.toFixed(2)}`;
  const chance = 100 / (1 + Math.exp(-score));
  return `chance of 2 papers naming both within ${HORIZON_MONTHS} months: ${chance < 1 ? chance.toFixed(1) : Math.round(chance)}%`;
}

function formatGaps(result: GapsResult): string[] {
  const lines = [
    `${result.concept ? `Gaps of ${result.concept.label} (${result.concept.type})` : "Gaps of the field"}: ${count(result.candidates, "candidate pair")}, scored by ${
      result.scorer === "fitted" ? "the model" : "Adamic-Adar"
    }, ${result.because}`,
  ];
  if (result.gaps.length === 0)
    lines.push(
      result.concept && result.candidates === 0
        ? `  none: ${result.concept.label} is named by fewer than 3 papers, too few to tell its next partners`
        : "  none: no pair of entities named by 3 papers or more is left unmet",
    );
  result.gaps.forEach((gap, i) => {
    lines.push(
      `${String(i + 1).padStart(4)}. ${gap.a.label} × ${gap.b.label}  (${gap.pairType}; ${count(gap.a.papers, "paper")} × ${count(gap.b.papers, "paper")}; ${strength(result, gap.score)})`,
      `        no paper names both; ${count(gap.common, "shared neighbour")}${gap.shared.length > 0 ? `, rarest: ${gap.shared.map((s) => s.label).join(", ")}` : ""}`,
    );
  });
  return lines;
}

function formatBacktest(report: BacktestReport): string[] {
  const names: Record<(typeof SCORERS)[number], string> = {
    papergraph: "papergraph (fitted on the past)",
    preferentialAttachment: "preferential attachment",
    commonNeighbours: "common neighbours",
    adamicAdar: "Adamic-Adar",
  };
  const head = [
    `Backtest at ${report.cutoff}: ${count(report.candidates, "candidate pair")} (entities of 3 papers or more before it, no paper naming both), ${report.positives} met after it (2 papers or more naming both)`,
    `papergraph's scorer: ${report.scorer === "fitted" ? "the model" : "Adamic-Adar"}, ${report.because}`,
  ];
  if (report.positives === 0)
    return [
      ...head,
      "no pair met after the cutoff: there is nothing to measure (try an earlier cutoff)",
    ];
  return [
    ...head,
    `${"scorer".padEnd(34)} ROC-AUC  P@100   P@1000`,
    ...SCORERS.map((s) => {
      const { auc, precisionAt100, precisionAt1000 } = report.scores[s];
      return `${names[s].padEnd(34)} ${auc.toFixed(4)}   ${precisionAt100.toFixed(3)}   ${precisionAt1000.toFixed(3)}`;
    }),
  ];
}

/** `papergraph gaps [concept]`: pairs no paper names together yet, likeliest to meet first. */
export async function gapsCommand(
  concept: string | undefined,
  options: GapsCommandOptions,
  io: CliIO,
): Promise<number> {
  const limit = positiveInteger(options.limit, "--limit");
  const pairs = pairTypes(options.pair);
  if (options.backtest) {
    if (concept !== undefined)
      throw new UsageError("--backtest scores the whole field: give no concept");
    const cutoff = cutoffDay(options.cutoff);
    const graph = await loadGraph(options.graph, io.cwd);
    const progress = options.quiet ? undefined : (step: string) => io.stderr(`backtest: ${step}\n`);
    const report = backtestGaps(graph, cutoff, progress);
    if (options.json) {
      const { model: _model, ...measured } = report;
      io.stdout(`${JSON.stringify(measured)}\n`);
    } else io.stdout(`${formatBacktest(report).join("\n")}\n`);
    return 0;
  }
  if (options.cutoff !== undefined) throw new UsageError("--cutoff goes with --backtest");
  const graph = await loadGraph(options.graph, io.cwd);
  const result = gaps(graph, { concept, pairs, limit });
  io.stdout(options.json ? `${JSON.stringify(result)}\n` : `${formatGaps(result).join("\n")}\n`);
  return 0;
}
