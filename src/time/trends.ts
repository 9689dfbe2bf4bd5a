/**
 * What is rising, what is new and what is fading, from papers month by month.
 *
 * Rising: a Kleinberg burst (burst.ts) that runs into the recent months, strongest first.
 * New: first named in the recent months and already by several papers, most named first.
 * Fading: named far less in the recent months than before them, by a log-likelihood ratio
 * (Dunning's G²) of its share of each period's papers, most certain first.
 */
import type { EntityType, Trend } from "../types.js";
import { type BurstOptions, DEFAULT_BURST, detectBursts } from "./burst.js";
import { addMonths } from "./months.js";
import type { FieldSeries, Series, Timeline } from "./series.js";

export interface TrendOptions {
  /** The first of the recent months; by default the last RECENT_MONTHS (defaultSince). */
  since?: string;
  /** Only entities of this type, or only threads. */
  type?: EntityType | "thread";
  /** At most this many in each list. */
  limit: number;
  burst: BurstOptions;
}

export const DEFAULT_TRENDS: TrendOptions = { limit: 15, burst: DEFAULT_BURST };

/** The recent months, by default: the last half year of the corpus. */
export const RECENT_MONTHS = 6;
/** Dated papers an entity needs to be called new: "several", not one paper's coinage. */
export const NEW_MIN_PAPERS = 3;
/** Dated papers before the recent months an entity needs before it can be said to fade. */
export const FADING_MIN_PAPERS = 10;
/** G² above this is a change with p < 0.001 (χ² with one degree of freedom). */
const G2_CRITICAL = 10.83;

export interface TrendReport extends Timeline {
  since: string;
  rising: Trend[];
  new: Trend[];
  fading: Trend[];
}

function round(x: number, digits = 2): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

function firstIndex(monthly: Int32Array): number {
  return monthly.findIndex((n) => n > 0);
}

function trendOf(series: Series, months: readonly string[]): Trend {
  return {
    id: series.id,
    label: series.label,
    type: series.type,
    papers: series.total,
    first: months[firstIndex(series.monthly)] as string,
    monthly: Array.from(series.monthly),
  };
}

/** x·ln(x/expected), 0 where x is 0: one cell of G². */
function cell(x: number, expected: number): number {
  return x === 0 ? 0 : x * Math.log(x / expected);
}

/** Dunning's G² for a count `a` of `n` papers against `b` of `m`. */
export function gSquared(a: number, n: number, b: number, m: number): number {
  const rate = (a + b) / (n + m);
  if (rate === 0 || rate === 1) return 0;
  return (
    2 *
    (cell(a, n * rate) +
      cell(n - a, n * (1 - rate)) +
      cell(b, m * rate) +
      cell(m - b, m * (1 - rate)))
  );
}

function sum(values: ArrayLike<number>, from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += values[i] as number;
  return total;
}

/**
 * The recent months by default: the last RECENT_MONTHS, or the later half of a corpus that spans
 * fewer than twice as many (three months of papers have one month before the recent ones, not none).
 */
function defaultSince(months: readonly string[]): string {
  const lastSix = addMonths(months.at(-1) as string, -(RECENT_MONTHS - 1));
  const laterHalf = addMonths(months[0] as string, Math.floor(months.length / 2));
  return lastSix > laterHalf ? lastSix : laterHalf;
}

/** Rising, new and fading entities and threads of a field's series. */
export function findTrends(
  { timeline, series }: FieldSeries,
  options: Partial<TrendOptions> = {},
): TrendReport {
  const { limit, burst, type, since: given } = { ...DEFAULT_TRENDS, ...options };
  const { months, papers } = timeline;
  const last = months.at(-1);
  const since = given ?? (last ? defaultSince(months) : "");
  const report: TrendReport = { ...timeline, since, rising: [], new: [], fading: [] };
  if (!last) return report;
  // The first recent month's index; none recent where `since` is after the last month.
  const found = months.findIndex((m) => m >= since);
  const recentStart = found < 0 ? months.length : found;
  const papersBefore = sum(papers, 0, recentStart);
  const papersRecent = sum(papers, recentStart, months.length);
  const chosen = series.filter((s) => (type === undefined || s.type === type) && s.total > 0);
  const rising: Trend[] = [];
  const fresh: Trend[] = [];
  const fading: Trend[] = [];
  for (const s of chosen) {
    const latest = detectBursts(s.monthly, papers, burst)
      .filter((b) => b.end >= recentStart)
      .at(-1);
    if (latest)
      rising.push({
        ...trendOf(s, months),
        burst: {
          start: months[latest.start] as string,
          end: months[latest.end] as string,
          strength: round(latest.strength),
        },
      });
    if (firstIndex(s.monthly) >= recentStart && s.total >= NEW_MIN_PAPERS)
      fresh.push(trendOf(s, months));
    const before = sum(s.monthly, 0, recentStart);
    const now = sum(s.monthly, recentStart, months.length);
    if (before >= FADING_MIN_PAPERS && papersRecent > 0) {
      const shareBefore = before / papersBefore;
      const shareNow = now / papersRecent;
      const g2 = gSquared(before, papersBefore, now, papersRecent);
      if (shareNow < shareBefore / 2 && g2 > G2_CRITICAL)
        fading.push({
          ...trendOf(s, months),
          change: { before: round(shareBefore, 4), recent: round(shareNow, 4), g2: round(g2) },
        });
    }
  }
  const byName = (a: Trend, b: Trend) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
  rising.sort((a, b) => (b.burst?.strength ?? 0) - (a.burst?.strength ?? 0) || byName(a, b));
  fresh.sort((a, b) => b.papers - a.papers || byName(a, b));
  fading.sort((a, b) => (b.change?.g2 ?? 0) - (a.change?.g2 ?? 0) || byName(a, b));
  report.rising = rising.slice(0, limit);
  report.new = fresh.slice(0, limit);
  report.fading = fading.slice(0, limit);
  return report;
}
