/**
 * Level of detail, as VOSviewer's occurrence threshold: by default the map shows the entities
 * named by enough papers that a few thousand remain; a slider changes the threshold, and an
 * opened thread or node always shows all of its own.
 */
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";
import type { Store } from "./store.js";

/** How many papers name each entity, most first. */
function paperCounts(graph: ViewerGraph): number[] {
  return graph
    .filterNodes((_, a) => a.type !== "paper")
    .map((node) => graph.getNodeAttribute(node, "paperCount") ?? 1)
    .sort((a, b) => b - a);
}

/** The slider: "Entities named by at least N papers: K of M". */
export function mountDetailControl(container: HTMLElement, graph: ViewerGraph, store: Store): void {
  const counts = paperCounts(graph);
  const most = Math.max(2, Math.min(counts[0] ?? 1, 50));
  const input = h("input", {
    id: "min-papers",
    type: "range",
    min: "1",
    max: String(most),
    step: "1",
    "aria-describedby": "min-papers-note",
  });
  const note = h("p", { id: "min-papers-note", class: "detail-note" });
  const render = () => {
    const min = store.state.minPapers;
    input.value = String(Math.min(min, most));
    const shown = counts.filter((c) => c >= min).length;
    note.textContent = `Entities named by at least ${min} paper${min === 1 ? "" : "s"}: ${shown} of ${counts.length}`;
  };
  input.addEventListener("input", () => store.set({ minPapers: Number(input.value) }));
  container.replaceChildren(
    h("label", { for: "min-papers", class: "detail-label" }, "Minimum papers"),
    input,
    note,
  );
  render();
  store.subscribe((state, previous) => {
    if (state.minPapers !== previous.minPapers) render();
  });
}
