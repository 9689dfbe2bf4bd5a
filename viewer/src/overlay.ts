/**
 * The map coloured by when each thing first appeared, as VOSviewer's year overlay: an entity by
 * the month of its first dated paper, a paper by its own, early in dark blue through green to
 * late in yellow (viridis, readable in grey and by most colour-blind eyes), undated in grey.
 * A reducer's colour over the store's `colorBy`, never a change to the graph.
 */
import { monthOf } from "../../src/time/months.js";
import type { GraphNodeAttributes } from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";
import type { Store } from "./store.js";

/** Viridis at nine stops. */
const VIRIDIS = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
] as const;

export const UNDATED = "#d4d4d8";

function viridis(t: number): string {
  const at = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(at));
  const [a, b] = [VIRIDIS[i] as readonly number[], VIRIDIS[i + 1] as readonly number[]];
  const mix = (k: number) =>
    Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * (at - i));
  return `rgb(${mix(0)},${mix(1)},${mix(2)})`;
}

/** The month a node entered the field: an entity's first paper's, a paper's own. */
export function firstSeen(a: GraphNodeAttributes): string | undefined {
  return a.type === "paper" ? monthOf(a.date) : a.first;
}

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export interface FirstSeenScale {
  from: string;
  to: string;
  color: (a: GraphNodeAttributes) => string;
}

/** The scale over the months the map's nodes first appeared in; null where none has a month. */
export function firstSeenScale(graph: ViewerGraph): FirstSeenScale | null {
  let from: string | undefined;
  let to: string | undefined;
  graph.forEachNode((_, a) => {
    const month = firstSeen(a);
    if (!month) return;
    if (!from || month < from) from = month;
    if (!to || month > to) to = month;
  });
  if (!from || !to || from === to) return null;
  const [start, span] = [monthNumber(from), monthNumber(to) - monthNumber(from)];
  return {
    from,
    to,
    color: (a) => {
      const month = firstSeen(a);
      return month ? viridis((monthNumber(month) - start) / span) : UNDATED;
    },
  };
}

/** The toggle and its legend, in the time section; nothing where no node has a month. */
export function mountFirstSeenOverlay(
  container: HTMLElement,
  scale: FirstSeenScale | null,
  store: Store,
): void {
  if (!scale) return;
  const input = h("input", { type: "checkbox", id: "first-seen" });
  const stops = Array.from({ length: 9 }, (_, i) => viridis(i / 8)).join(",");
  const legend = h(
    "div",
    { class: "first-seen-legend", id: "first-seen-legend" },
    h("span", { class: "ramp", style: `background:linear-gradient(to right,${stops})` }),
    h("span", { class: "ends" }, h("span", {}, scale.from), h("span", {}, scale.to)),
    h(
      "p",
      { class: "detail-note" },
      "Each entity by the month of its first paper, each paper by its own; grey: no month.",
    ),
  );
  input.addEventListener("change", () =>
    store.set({ colorBy: input.checked ? "first" : "thread" }),
  );
  const render = () => {
    input.checked = store.state.colorBy === "first";
    legend.hidden = !input.checked;
  };
  container.append(
    h("label", { class: "toggle first-seen" }, input, "Colour by first appearance"),
    legend,
  );
  render();
  store.subscribe((state, previous) => {
    if (state.colorBy !== previous.colorBy) render();
  });
}
