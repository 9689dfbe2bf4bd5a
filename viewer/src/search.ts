import type { NodeType } from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { h } from "./dom.js";

interface Entry {
  id: string;
  label: string;
  type: NodeType;
  names: string[];
  weight: number;
}

export interface Suggestion {
  id: string;
  label: string;
  type: NodeType;
  /** The alias that matched, when it was not the label. */
  via?: string;
}

/** Every node by its label and aliases; entities rank by how many papers name them. */
export function searchIndex(graph: ViewerGraph): Entry[] {
  return graph.mapNodes((id, a) => ({
    id,
    label: a.label,
    type: a.type,
    names: [a.label, ...(a.aliases ?? [])].map((n) => n.toLowerCase()),
    weight: a.type === "paper" ? 0 : (a.paperCount ?? 1),
  }));
}

/** Matches that start the name first, then those starting a word, then any; entities before papers. */
export function suggest(index: Entry[], query: string, limit = 10): Suggestion[] {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const scored: { entry: Entry; rank: number; via?: string }[] = [];
  for (const entry of index) {
    let best = Number.POSITIVE_INFINITY;
    let via: string | undefined;
    entry.names.forEach((name, i) => {
      const at = name.indexOf(q);
      if (at < 0) return;
      // A label match ranks before an alias match of the same kind.
      const rank =
        (at === 0 ? 0 : /[\s\-(/]/.test(name[at - 1] ?? "") ? 1 : 2) + (i === 0 ? 0 : 0.5);
      if (rank < best) {
        best = rank;
        via = i === 0 ? undefined : name;
      }
    });
    if (best < Number.POSITIVE_INFINITY)
      scored.push({ entry, rank: best + (entry.type === "paper" ? 3 : 0), via });
  }
  scored.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.entry.weight - a.entry.weight ||
      a.entry.label.localeCompare(b.entry.label),
  );
  return scored
    .slice(0, limit)
    .map(({ entry, via }) => ({ id: entry.id, label: entry.label, type: entry.type, via }));
}

/** The search box: suggestions as you type, arrows and Enter to choose, Escape to close. */
export function mountSearch(
  input: HTMLInputElement,
  list: HTMLElement,
  index: Entry[],
  choose: (id: string) => void,
): void {
  let items: Suggestion[] = [];
  let active = 0;
  // A combobox, as assistive technology expects one: it says whether its list is open and which
  // option the arrows are on.
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const pick = (i: number) => {
    const item = items[i];
    if (!item) return;
    input.value = item.label;
    close();
    choose(item.id);
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((item, i) => {
        const li = h(
          "div",
          {
            role: "option",
            id: `suggestion-${i}`,
            class: `suggestion${i === active ? " active" : ""}`,
            "aria-selected": String(i === active),
            "data-id": item.id,
          },
          h("span", { class: `badge ${item.type}` }, item.type),
          h("span", { class: "suggestion-label" }, item.label),
          item.via ? h("span", { class: "suggestion-via" }, `(${item.via})`) : null,
        );
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          pick(i);
        });
        return li;
      }),
    );
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", String(items.length > 0));
    if (items.length > 0) input.setAttribute("aria-activedescendant", `suggestion-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  input.addEventListener("input", () => {
    items = suggest(index, input.value);
    active = 0;
    render();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      active =
        (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % Math.max(items.length, 1);
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape") close();
  });
  input.addEventListener("blur", close);
}
