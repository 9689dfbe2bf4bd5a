/**
 * The panel of a research thread, a table of contents of that part of the field: its papers month
 * by month, its most telling methods, datasets, tasks and invariances, and its papers, newest or
 * oldest first.
 */
import type { Thread } from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";
import { threadMatrix } from "./gaps.js";
import { link as button, type PanelActions } from "./panel.js";
import { TYPE_STYLE } from "./reducers.js";
import { monthSection } from "./time.js";

/** Papers listed at once; the rest are counted. */
const LISTED = 200;

/** A large thread's parts, each with its papers and how many name its label; nested parts within. */
function subthreadList(thread: Thread): HTMLElement | string {
  const items = (parts: readonly Thread[]): HTMLElement =>
    h(
      "ul",
      { class: "subthreads" },
      ...parts.map((part) =>
        h(
          "li",
          {},
          h("span", { class: "subthread-label" }, part.label),
          h(
            "span",
            { class: "weight" },
            ` ${part.paperCount} papers, ${part.labelPaperCount} naming its label`,
          ),
          part.subthreads ? items(part.subthreads) : "",
        ),
      ),
    );
  if (!thread.subthreads) return "";
  return h(
    "section",
    { class: "group" },
    h("h3", {}, `Sub-threads (${thread.subthreads.length})`),
    items(thread.subthreads),
  );
}

export function renderThreadPanel(
  panel: HTMLElement,
  graph: ViewerGraph,
  thread: Thread,
  actions: PanelActions,
): void {
  const papers = graph.filterNodes((_, a) => a.type === "paper" && a.thread === thread.id);
  /** Papers by date, newest first (order 1) or oldest first (-1); undated papers last. */
  const dated = (order: 1 | -1) =>
    [...papers].sort((a, b) => {
      const [x, y] = [graph.getNodeAttribute(a, "date"), graph.getNodeAttribute(b, "date")];
      if (x === y) return a < b ? -1 : 1;
      if (!x || !y) return x ? -1 : 1;
      return (x < y ? 1 : -1) * order;
    });
  const list = h("ol", { class: "thread-papers" });
  const sortButton = h("button", { type: "button", class: "link", id: "sort-papers" });
  let order: 1 | -1 = 1;
  const renderList = () => {
    const sorted = dated(order);
    list.replaceChildren(
      ...sorted.slice(0, LISTED).map((paper) => {
        const a = graph.getNodeAttributes(paper);
        return h(
          "li",
          {},
          a.date ? h("span", { class: "date" }, a.date) : null,
          button(a.label, () => actions.select(paper)),
        );
      }),
    );
    if (sorted.length > LISTED)
      list.append(h("li", { class: "meta" }, `… and ${sorted.length - LISTED} more`));
    sortButton.textContent =
      order === 1 ? "newest first (show oldest first)" : "oldest first (show newest first)";
  };
  sortButton.addEventListener("click", () => {
    order = order === 1 ? -1 : 1;
    renderList();
  });
  renderList();
  const top = (["method", "dataset", "task", "invariance"] as const)
    .filter((type) => thread.top[type].length > 0)
    .map((type) =>
      h(
        "section",
        { class: "group" },
        h("h3", {}, TYPE_STYLE[type].label),
        h(
          "ul",
          { class: "neighbors" },
          ...thread.top[type].slice(0, 8).map((member) =>
            h(
              "li",
              {},
              button(member.label, () => actions.select(member.id)),
            ),
          ),
        ),
      ),
    );
  panel.replaceChildren(
    h(
      "header",
      { class: "panel-header" },
      h(
        "h2",
        {},
        h("span", { class: "swatch", style: `background:${thread.color}` }),
        ` ${thread.label}`,
      ),
      button("×", actions.close, "close"),
    ),
    h(
      "p",
      { class: "meta" },
      `Research thread ${thread.id}: ${thread.paperCount} papers, ${thread.labelPaperCount} of them naming its label; ${thread.size} nodes`,
    ),
    monthSection(graph, papers) ?? "",
    subthreadList(thread),
    ...top,
    threadMatrix(graph, thread, actions.gaps),
    h("section", { class: "group" }, h("h3", {}, `Papers (${papers.length}), `, sortButton), list),
  );
  panel.hidden = false;
  panel.scrollTop = 0;
}
