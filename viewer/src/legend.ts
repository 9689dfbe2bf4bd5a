import type { NodeType, Thread, ThreadReport } from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";
import { TYPE_STYLE } from "./reducers.js";
import type { Store } from "./store.js";

const TYPES: NodeType[] = ["method", "dataset", "task", "invariance", "paper"];

/** Type toggles: each shows its mark and count, and hides or shows that type on the map. */
export function mountTypeLegend(list: HTMLElement, graph: ViewerGraph, store: Store): void {
  const counts = new Map<NodeType, number>();
  graph.forEachNode((_, a) => counts.set(a.type, (counts.get(a.type) ?? 0) + 1));
  const render = () => {
    list.replaceChildren(
      ...TYPES.map((type) => {
        const visible = !store.state.hiddenTypes.has(type);
        const style = TYPE_STYLE[type];
        const input = h("input", {
          type: "checkbox",
          "data-type": type,
          "aria-label": `show ${style.label}`,
        });
        input.checked = visible;
        input.addEventListener("change", () => {
          const hidden = new Set(store.state.hiddenTypes);
          if (input.checked) hidden.delete(type);
          else hidden.add(type);
          store.set({ hiddenTypes: hidden });
        });
        return h(
          "li",
          {},
          h(
            "label",
            { class: "toggle" },
            input,
            h("span", {
              class: `mark ${style.shape}`,
              style: `border-color:${style.ring === "#ffffff" ? "#9a9aa0" : style.ring}`,
            }),
            `${style.label} (${counts.get(type) ?? 0})`,
          ),
        );
      }),
    );
  };
  render();
  store.subscribe((state, previous) => {
    if (state.hiddenTypes !== previous.hiddenTypes) render();
  });
}

/** The threads: colour, label and size; choosing one focuses the map on it. */
export function mountThreadLegend(
  list: HTMLElement,
  clear: HTMLElement,
  threads: Thread[],
  store: Store,
): void {
  const render = () => {
    list.replaceChildren(
      ...threads.map((thread) => {
        const active = store.state.thread === thread.id;
        const button = h(
          "button",
          {
            type: "button",
            class: `thread${active ? " active" : ""}`,
            "data-thread": String(thread.id),
            "aria-pressed": String(active),
          },
          h("span", { class: "swatch", style: `background:${thread.color}` }),
          h("span", { class: "thread-label" }, thread.label),
          h("span", { class: "count" }, String(thread.paperCount)),
        );
        button.title = [
          `${thread.paperCount} papers, ${thread.size} nodes`,
          ...(["method", "dataset", "task", "invariance"] as const).map(
            (t) =>
              `${t}s: ${
                thread.top[t]
                  .slice(0, 4)
                  .map((m) => m.label)
                  .join(", ") || "—"
              }`,
          ),
          `e.g. ${thread.papers[0]?.label ?? ""}`,
        ].join("\n");
        button.addEventListener("click", () =>
          store.set({ thread: active ? null : thread.id, selected: null }),
        );
        return h("li", {}, button);
      }),
    );
    clear.hidden = store.state.thread === null;
  };
  clear.addEventListener("click", () => store.set({ thread: null }));
  render();
  store.subscribe((state, previous) => {
    if (state.thread !== previous.thread) render();
  });
}

/**
 * What is rising (threads.json's `rising`): each entity or thread with its papers month by month;
 * choosing one focuses the map on it, as choosing a thread or searching for an entity does.
 */
export function mountRisingList(
  section: HTMLElement,
  graph: ViewerGraph,
  rising: ThreadReport["rising"],
  store: Store,
): void {
  if (!rising || rising.trends.length === 0) return;
  const items = rising.trends.filter((t) => (t.type === "thread" ? true : graph.hasNode(t.id)));
  if (items.length === 0) return;
  section.hidden = false;
  const note = section.querySelector("#rising-note") as HTMLElement;
  note.textContent = `A burst of papers running into ${rising.since} and after; bars: each month's share.`;
  const list = section.querySelector("#rising") as HTMLElement;
  list.replaceChildren(
    ...items.map((trend) => {
      const thread = trend.type === "thread" ? Number(trend.id.slice("thread:".length)) : null;
      const button = h(
        "button",
        { type: "button", class: "rising-item", "data-id": trend.id },
        sparkline(trend.monthly),
        h("span", { class: "thread-label" }, trend.label),
        h("span", { class: "count" }, trend.type === "thread" ? "thread" : trend.type),
      );
      button.title = `${trend.papers} papers; burst ${trend.burst?.start} to ${trend.burst?.end}, strength ${trend.burst?.strength}`;
      button.addEventListener("click", () =>
        store.set(
          thread === null ? { selected: trend.id, thread: null } : { thread, selected: null },
        ),
      );
      return h("li", {}, button);
    }),
  );
}

/** A small bar a month, tallest the most papers. */
function sparkline(monthly: readonly number[]): HTMLElement {
  const most = Math.max(1, ...monthly);
  return h(
    "span",
    { class: "sparkline", "aria-hidden": "true" },
    ...monthly.map((n) =>
      h("span", { style: `height:${Math.max(1, Math.round((14 * n) / most))}px` }),
    ),
  );
}
