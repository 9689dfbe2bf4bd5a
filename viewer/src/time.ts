/**
 * Time on the map: a range of months that filters it (papers outside it, and entities none of
 * whose papers fall in it, leave the map), and each thread's papers month by month.
 */
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";
import type { Store } from "./store.js";

/** "2025-03" of a date "2025-03-18", "2025-03" or "2025"; undefined for no date. */
export function monthOf(date: string | undefined): string | undefined {
  if (!date) return undefined;
  return /^\d{4}-\d{2}/.test(date)
    ? date.slice(0, 7)
    : /^\d{4}$/.test(date)
      ? `${date}-01`
      : undefined;
}

/** Papers per month, in month order. */
export function papersPerMonth(graph: ViewerGraph, papers: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const paper of papers) {
    const month = monthOf(graph.getNodeAttribute(paper, "date"));
    if (month) counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * "Papers per month": a bar a month of the given papers, with the first and last month; null where
 * their dates span less than two months, as a bar alone says nothing of time.
 */
export function monthSection(graph: ViewerGraph, papers: readonly string[]): HTMLElement | null {
  const months = papersPerMonth(graph, papers);
  if (months.length < 2) return null;
  return h(
    "section",
    { class: "group months" },
    h("h3", {}, "Papers per month"),
    monthBars(months),
    h("p", { class: "detail-note" }, `${months[0]?.[0]} to ${months.at(-1)?.[0]}`),
  );
}

/** A row of bars, one a month, tallest the most papers; each says its month and count. */
export function monthBars(counts: readonly [string, number][]): HTMLElement {
  const most = Math.max(1, ...counts.map(([, n]) => n));
  return h(
    "div",
    { class: "month-bars", role: "img", "aria-label": "papers per month" },
    ...counts.map(([month, n]) =>
      h("span", {
        class: "month-bar",
        style: `height:${Math.max(2, Math.round((40 * n) / most))}px`,
        title: `${month}: ${n} paper${n === 1 ? "" : "s"}`,
      }),
    ),
  );
}

/**
 * The nodes a range of months leaves on the map: papers of those months, and entities at least
 * one of whose papers is; undefined when no range is set (everything stays).
 */
export function nodesInTime(
  graph: ViewerGraph,
  from: string | null,
  to: string | null,
): ReadonlySet<string> | undefined {
  if (!from && !to) return undefined;
  const kept = new Set<string>();
  graph.forEachNode((node, a) => {
    if (a.type !== "paper") return;
    const month = monthOf(a.date);
    if (!month || (from && month < from) || (to && month > to)) return;
    kept.add(node);
    graph.forEachNeighbor(node, (neighbour) => {
      kept.add(neighbour);
    });
  });
  return kept;
}

/**
 * The range control: from and to months, and how many papers fall between. Hidden where papers
 * span under two months, or most have no date (a range would empty the map of the undated ones);
 * where some have none, the note says they leave the map while a range is set.
 */
export function mountTimeControl(container: HTMLElement, graph: ViewerGraph, store: Store): void {
  const papers = graph.filterNodes((_, a) => a.type === "paper");
  const counts = papersPerMonth(graph, papers);
  const dated = counts.reduce((sum, [, n]) => sum + n, 0);
  if (counts.length < 2 || dated < papers.length / 2) {
    container.closest("section")?.setAttribute("hidden", "");
    return;
  }
  const undated = papers.length - dated;
  const undatedNote =
    undated === 0
      ? ""
      : `; ${undated} ${undated === 1 ? "paper has" : "papers have"} no date and ${undated === 1 ? "leaves" : "leave"} the map while a range is set`;
  const [first, last] = [counts[0]?.[0] as string, counts.at(-1)?.[0] as string];
  const input = (id: string, label: string) =>
    h("input", { id, type: "month", min: first, max: last, "aria-label": label });
  const from = input("date-from", "from month");
  const to = input("date-to", "to month");
  const note = h("p", { class: "detail-note", id: "date-note" });
  const render = () => {
    from.value = store.state.dateFrom ?? first;
    to.value = store.state.dateTo ?? last;
    const shown = counts
      .filter(([month]) => month >= from.value && month <= to.value)
      .reduce((sum, [, n]) => sum + n, 0);
    note.textContent = `${shown} of ${papers.length} papers, ${from.value} to ${to.value}${undatedNote}`;
  };
  const set = () =>
    store.set({
      dateFrom: from.value && from.value !== first ? from.value : null,
      dateTo: to.value && to.value !== last ? to.value : null,
    });
  from.addEventListener("change", set);
  to.addEventListener("change", set);
  container.replaceChildren(monthBars(counts), h("div", { class: "date-range" }, from, to), note);
  render();
  store.subscribe((state, previous) => {
    if (state.dateFrom !== previous.dateFrom || state.dateTo !== previous.dateTo) render();
  });
}
