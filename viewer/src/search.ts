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
  /** Found by the server among what the map leaves off: opened beside this paper. */
  paper?: string;
}

/** Asks a search of the server (papergraph serve): every node, those off the map included. */
export type RemoteSearch = (query: string) => Promise<Suggestion[]>;

/** Matches the server adds to the map's own: those the map leaves off. */
const REMOTE_LIMIT = 8;

export const searchServer: RemoteSearch = async (query) => {
  const params = new URLSearchParams({ q: query, limit: String(REMOTE_LIMIT * 4) });
  const response = await fetch(`api/search?${params}`);
  if (!response.ok) return [];
  return (await response.json()) as Suggestion[];
};

/** What the status line says of the entities the map leaves off. */
export function offMapNote(count: number, served: boolean): string {
  return served
    ? `${count} entities named by one paper not drawn (search finds them, their paper's panel opens them)`
    : `${count} entities named by one paper not drawn nor searched here (papergraph serve searches them; their paper's panel opens them)`;
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
  choose: (id: string, paper?: string) => void,
  remote?: RemoteSearch,
): void {
  let items: Suggestion[] = [];
  let active = 0;
  const onMap = new Set(index.map((entry) => entry.id));
  let asked = 0;
  /** The server's matches the map does not hold, after the map's own, if the query still stands. */
  const askRemote = async (query: string) => {
    const ask = ++asked;
    const found = await remote?.(query).catch(() => []);
    if (ask !== asked || !found) return;
    const extra = found.filter((hit) => !onMap.has(hit.id)).slice(0, REMOTE_LIMIT);
    if (extra.length === 0) return;
    items = [...items, ...extra];
    render();
  };
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
    choose(item.id, item.paper);
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
          onMap.has(item.id) ? null : h("span", { class: "suggestion-via" }, "· off the map"),
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
    if (remote && input.value.trim().length >= 2) void askRemote(input.value);
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
