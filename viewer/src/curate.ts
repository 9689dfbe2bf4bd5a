/**
 * Curator mode: fix the map by hand. Each fix is shown as what it will change before it is
 * applied; then, served by `papergraph serve`, it is posted to the server (which appends it to
 * the corrections file and rebuilds) and the page reloads keeping the view; in an offline HTML
 * export, the fixes made so far download as a corrections file to build with.
 */
import type { EntityType, NodeType } from "../../src/types.js";
import type { ViewerGraph } from "./data.js";
import { download, h } from "./dom.js";

export type Fix =
  | { action: "merge"; entity: string; into: string }
  | { action: "rename"; entity: string; label: string }
  | { action: "retype"; entity: string; to: Exclude<EntityType, "invariance"> }
  | { action: "drop"; entity: string };

/** Where fixes go: to the server that rebuilds, or into a file the user downloads. */
export interface FixChannel {
  kind: "server" | "download";
  apply(fix: Fix): Promise<void>;
  undo(): Promise<void>;
}

/** The meta element `papergraph serve` puts this run's token in (TOKEN_META of src/serve). */
const TOKEN_META = "papergraph-token";
/** Where the view waits out the reload that follows a fix. */
const VIEW_KEY = "papergraph:view";
const CORRECTIONS_FILE = "papergraph-corrections.jsonl";
const RETYPE_TARGETS: Exclude<EntityType, "invariance">[] = ["method", "dataset", "task"];

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function papersOf(graph: ViewerGraph, node: string): number {
  return graph.filterNeighbors(node, (_, a) => a.type === "paper").length;
}

/** What a fix will change, in the words of the map: which papers and edges. */
export function describeFix(graph: ViewerGraph, fix: Fix): string {
  const a = graph.getNodeAttributes(fix.entity);
  const papers = papersOf(graph, fix.entity);
  const edges = graph.degree(fix.entity);
  const what = `"${a.label}" (${a.type}, ${plural(papers, "paper")}, ${plural(edges, "edge")})`;
  switch (fix.action) {
    case "merge": {
      const into = graph.getNodeAttributes(fix.into);
      const shared = graph.filterNeighbors(
        fix.entity,
        (n, attributes) => attributes.type === "paper" && graph.hasEdge(n, fix.into),
      ).length;
      return `Merge ${what} into "${into.label}" (${plural(papersOf(graph, fix.into), "paper")}): its ${plural(papers, "paper")} will name "${into.label}" instead (${shared} already do), its ${plural(edges, "edge")} move to it, and "${a.label}" becomes one of its names.`;
    }
    case "rename":
      return `Rename ${what} to "${fix.label}": its papers and edges stay; "${a.label}" stays one of its names.`;
    case "retype":
      return `Make ${what} a ${fix.to}: its ${plural(papers, "paper")} link to it as a ${fix.to}, in the same places.`;
    case "drop":
      return `Drop ${what}: it leaves the map, and its ${plural(papers, "paper")} lose their ${plural(edges, "edge")} to it.`;
  }
}

/** The view kept across the reload after a fix: the camera, and what is selected. */
export function saveView(camera: object, selected: string | null): void {
  sessionStorage.setItem(VIEW_KEY, JSON.stringify({ camera, selected }));
}

export function takeSavedView(): { camera: object; selected: string | null } | undefined {
  const saved = sessionStorage.getItem(VIEW_KEY);
  sessionStorage.removeItem(VIEW_KEY);
  return saved ? JSON.parse(saved) : undefined;
}

async function post(path: string, token: string, body?: Fix): Promise<void> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Papergraph-Token": token },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) {
    const { error } = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(error ?? `${response.status} ${response.statusText}`);
  }
}

/** The fixes made so far, as the corrections file to build with. */
function downloadCorrections(lines: readonly string[]): void {
  const text = lines.map((line) => `${line}\n`).join("");
  download(CORRECTIONS_FILE, new Blob([text], { type: "application/x-ndjson" }));
}

/**
 * The channel this page has: the server's, when it was served with a token; downloads, when it
 * is an offline export; none when served read-only (a build without its cache).
 */
export function fixChannel(offline: boolean, reload: () => void): FixChannel | undefined {
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content;
  if (token)
    return {
      kind: "server",
      apply: async (fix) => {
        await post("api/corrections", token, fix);
        reload();
      },
      undo: async () => {
        await post("api/undo", token);
        reload();
      },
    };
  if (!offline) return undefined;
  const lines: string[] = [];
  return {
    kind: "download",
    apply: async (fix) => {
      lines.push(JSON.stringify(fix));
      downloadCorrections(lines);
    },
    undo: async () => {
      lines.pop();
      downloadCorrections(lines);
    },
  };
}

export interface CurateActions {
  /** Shows a fix's effect and applies it once confirmed. */
  propose: (fix: Fix) => void;
  /** Starts choosing the node to merge this one into. */
  startMerge: (node: string) => void;
}

/** The panel section of an entity in curator mode: merge, rename, change type, drop. */
export function curateSection(
  graph: ViewerGraph,
  node: string,
  actions: CurateActions,
): HTMLElement | null {
  const { type, label } = graph.getNodeAttributes(node);
  if (type === "paper") return null;
  const button = (text: string, onClick: () => void, name: string) => {
    const element = h("button", { type: "button", class: "curate-button", "data-fix": name }, text);
    element.addEventListener("click", onClick);
    return element;
  };
  const renameInput = h("input", { type: "text", "aria-label": "new label", value: label });
  const rename = button(
    "Rename",
    () => {
      const value = renameInput.value.trim();
      if (value && value !== label)
        actions.propose({ action: "rename", entity: node, label: value });
    },
    "rename",
  );
  const typeSelect = h(
    "select",
    { "aria-label": "new type" },
    ...RETYPE_TARGETS.filter((t) => t !== type).map((t) => h("option", { value: t }, t)),
  );
  const retype = button(
    "Change type",
    () =>
      actions.propose({
        action: "retype",
        entity: node,
        to: typeSelect.value as Exclude<EntityType, "invariance">,
      }),
    "retype",
  );
  return h(
    "section",
    { class: "group curate" },
    h("h3", {}, "Fix this entity"),
    h(
      "div",
      { class: "curate-row" },
      button("Merge into…", () => actions.startMerge(node), "merge"),
      button("Drop", () => actions.propose({ action: "drop", entity: node }), "drop"),
    ),
    h("div", { class: "curate-row" }, renameInput, rename),
    type === "invariance" ? null : h("div", { class: "curate-row" }, typeSelect, retype),
  );
}

/** Whether a node can take another in a merge: an entity of the same type. */
export function canMerge(graph: ViewerGraph, from: string, into: string): boolean {
  const type: NodeType = graph.getNodeAttribute(from, "type");
  return from !== into && type !== "paper" && graph.getNodeAttribute(into, "type") === type;
}
