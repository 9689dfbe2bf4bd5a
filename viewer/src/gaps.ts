/**
 * What a served build says has not been tried: an entity's likeliest new partners ("Not yet
 * studied with"), and a thread's methods × tasks with the pairs no paper names yet marked where
 * the graph says they will meet. Asked of the server (`papergraph serve`), which fits the gap
 * scorer once; the offline page has no server to ask, and shows neither.
 */
import type { GapReport } from "../../src/time/gaps.js";
import type { Thread } from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";

export type AskGaps = (concept: string, limit: number, pair?: string) => Promise<GapReport>;

/** Asks the server that serves this page. */
export const askServer: AskGaps = async (concept, limit, pair) => {
  const query = new URLSearchParams({ concept, limit: String(limit), ...(pair ? { pair } : {}) });
  const response = await fetch(`api/gaps?${query}`);
  if (!response.ok) throw new Error(((await response.json()) as { error: string }).error);
  return (await response.json()) as GapReport;
};

/** A gap's strength in words, as `papergraph gaps` prints it. */
function strength(report: GapReport, score: number): string {
  if (report.scorer !== "fitted") return `Adamic-Adar ${score.toFixed(2)}`;
  return `${Math.round(100 / (1 + Math.exp(-score)))}% chance of 2 papers within 4 months`;
}

/** "Not yet studied with": filled when the server answers. */
export function gapsSection(
  graph: ViewerGraph,
  node: string,
  ask: AskGaps,
  select: (id: string) => void,
): HTMLElement {
  const list = h(
    "ul",
    { class: "neighbors gaps" },
    h("li", { class: "meta" }, "asking the graph…"),
  );
  const note = h("p", { class: "detail-note" });
  ask(node, 8)
    .then((report) => {
      note.textContent = `No paper names these with it yet; ${report.scorer === "fitted" ? "the model" : "Adamic-Adar"}, ${report.because}.`;
      if (report.gaps.length === 0) {
        list.replaceChildren(h("li", { class: "meta" }, "none found"));
        return;
      }
      list.replaceChildren(
        ...report.gaps.map((gap) => {
          const other = gap.a.id === node ? gap.b : gap.a;
          const name = graph.hasNode(other.id)
            ? h("button", { type: "button", class: "link" }, other.label)
            : h("span", {}, other.label);
          name.addEventListener("click", () => select(other.id));
          const item = h(
            "li",
            {},
            name,
            h("span", { class: "weight" }, `${gap.common} shared neighbours`),
          );
          item.title = `${strength(report, gap.score)}; shared: ${gap.shared.map((s) => s.label).join(", ")}`;
          return item;
        }),
      );
    })
    .catch((error: Error) => {
      list.replaceChildren(h("li", { class: "meta" }, `could not ask: ${error.message}`));
    });
  return h("section", { class: "group" }, h("h3", {}, "Not yet studied with"), list, note);
}

/** Methods and tasks a thread's matrix crosses. */
const MATRIX_SIDE = 6;

/**
 * A thread's top methods × top tasks: how many of its papers name both; an empty cell the graph
 * says will fill is marked, with the model's chance in its title.
 */
export function threadMatrix(
  graph: ViewerGraph,
  thread: Thread,
  ask: AskGaps | undefined,
): HTMLElement | "" {
  const methods = thread.top.method.slice(0, MATRIX_SIDE).filter((m) => graph.hasNode(m.id));
  const tasks = thread.top.task.slice(0, MATRIX_SIDE).filter((t) => graph.hasNode(t.id));
  if (methods.length < 2 || tasks.length < 2) return "";
  const papersOf = (id: string) =>
    new Set(graph.filterNeighbors(id, (_, a) => a.type === "paper" && a.thread === thread.id));
  const taskPapers = tasks.map((t) => papersOf(t.id));
  const cells = new Map<string, HTMLElement>();
  const rows = methods.map((method) => {
    const mine = papersOf(method.id);
    return h(
      "tr",
      {},
      h("th", { scope: "row", title: method.label }, method.label),
      ...tasks.map((task, j) => {
        let both = 0;
        for (const paper of taskPapers[j] as Set<string>) if (mine.has(paper)) both++;
        const cell = h("td", { class: both === 0 ? "empty" : "" }, both === 0 ? "·" : String(both));
        if (both === 0) cells.set(`${method.id}|${task.id}`, cell);
        return cell;
      }),
    );
  });
  const table = h(
    "table",
    { class: "matrix" },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, ""),
        ...tasks.map((t) => h("th", { scope: "col", title: t.label }, t.label)),
      ),
    ),
    h("tbody", {}, ...rows),
  );
  const note = h("p", { class: "detail-note" }, "Papers of this thread naming both.");
  if (ask && cells.size > 0) {
    note.textContent += " ◆: no paper yet, and among the method's likeliest next tasks.";
    for (const method of methods)
      ask(method.id, 50, "method-task")
        .then((report) => {
          for (const gap of report.gaps) {
            const cell = cells.get(`${gap.a.id}|${gap.b.id}`);
            if (!cell) continue;
            cell.textContent = "◆";
            cell.classList.add("gap");
            cell.title = strength(report, gap.score);
          }
        })
        .catch(() => {});
  }
  return h("section", { class: "group" }, h("h3", {}, "Methods × tasks"), table, note);
}
