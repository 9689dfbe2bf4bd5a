/**
 * Papers month by month: for the whole corpus, every entity and every thread, read from the
 * dates of the papers in a built graph. Papers whose date gives no month are counted apart.
 */
import type { KnowledgeGraph } from "../graph/index.js";
import type { EntityType } from "../types.js";
import { monthOf, monthsBetween } from "./months.js";

export interface Timeline {
  /** Every month from the first dated paper's to the last's. */
  months: string[];
  /** Papers per month, aligned with `months`. */
  papers: number[];
  /** Papers whose date gives no month (none, or a year alone): in no month's count. */
  undated: number;
}

/** Something whose papers are counted month by month: an entity, or a thread. */
export interface Series {
  id: string;
  label: string;
  type: EntityType | "thread";
  /** Dated papers naming it (in the thread), aligned with the timeline's months. */
  monthly: Int32Array;
  /** All its dated papers. */
  total: number;
}

export interface FieldSeries {
  timeline: Timeline;
  series: Series[];
}

/** The id a thread's series goes by, beside entity ids. */
export function threadSeriesId(thread: number): string {
  return `thread:${thread}`;
}

/** Each paper's month, for the papers that have one. */
function paperMonths(graph: KnowledgeGraph): Map<string, string> {
  const months = new Map<string, string>();
  graph.forEachNode((node, { type, date }) => {
    if (type !== "paper") return;
    const month = monthOf(date);
    if (month) months.set(node, month);
  });
  return months;
}

/**
 * The timeline of a graph and the monthly papers of each entity named by a dated paper and of
 * each thread, in graph order (threads after entities, by id).
 */
export function fieldSeries(
  graph: KnowledgeGraph,
  threadLabels: ReadonlyMap<number, string>,
): FieldSeries {
  const months = paperMonths(graph);
  let paperCount = 0;
  graph.forEachNode((_, { type }) => {
    if (type === "paper") paperCount++;
  });
  const sorted = [...new Set(months.values())].sort();
  const timeline: Timeline = {
    months: sorted.length > 0 ? monthsBetween(sorted[0] as string, sorted.at(-1) as string) : [],
    papers: [],
    undated: paperCount - months.size,
  };
  const index = new Map(timeline.months.map((month, i) => [month, i]));
  timeline.papers = timeline.months.map(() => 0);
  const series: Series[] = [];
  const threads = new Map<number, Int32Array>();
  for (const [paper, month] of months) {
    const i = index.get(month) as number;
    (timeline.papers[i] as number)++;
    const thread = graph.getNodeAttribute(paper, "thread");
    if (thread < 0) continue;
    const counts = threads.get(thread) ?? new Int32Array(timeline.months.length);
    threads.set(thread, counts);
    (counts[i] as number)++;
  }
  graph.forEachNode((node, { type, label }) => {
    if (type === "paper") return;
    const monthly = new Int32Array(timeline.months.length);
    let total = 0;
    graph.forEachNeighbor(node, (paper) => {
      const month = months.get(paper);
      if (month === undefined) return;
      (monthly[index.get(month) as number] as number)++;
      total++;
    });
    if (total > 0) series.push({ id: node, label, type, monthly, total });
  });
  for (const [thread, monthly] of [...threads].sort(([a], [b]) => a - b)) {
    const total = monthly.reduce((sum, n) => sum + n, 0);
    const label = threadLabels.get(thread) ?? `thread ${thread}`;
    series.push({ id: threadSeriesId(thread), label, type: "thread", monthly, total });
  }
  return { timeline, series };
}
