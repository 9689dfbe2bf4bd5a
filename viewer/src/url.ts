import type { NodeType } from "../../src/types.js";
import type { ViewState } from "./store.js";

const TYPES: NodeType[] = ["paper", "method", "dataset", "task", "invariance"];

/** The shareable part of the view, read from the address: ?node=method:x&hide=paper,task&thread=3 */
export function stateFromUrl(search: string, hasNode: (id: string) => boolean): Partial<ViewState> {
  const params = new URLSearchParams(search);
  const node = params.get("node");
  const hidden = (params.get("hide") ?? "")
    .split(",")
    .filter((t): t is NodeType => TYPES.includes(t as NodeType));
  const thread = Number(params.get("thread"));
  const minPapers = Number(params.get("min"));
  return {
    selected: node && hasNode(node) ? node : null,
    hiddenTypes: new Set(hidden),
    thread: params.has("thread") && Number.isInteger(thread) ? thread : null,
    ...(Number.isInteger(minPapers) && minPapers >= 1 ? { minPapers } : {}),
  };
}

/** Writes the selection and filters into the address without a page load, so a view can be shared. */
export function writeUrl(state: ViewState): void {
  const params = new URLSearchParams();
  if (state.selected) params.set("node", state.selected);
  if (state.hiddenTypes.size > 0) params.set("hide", [...state.hiddenTypes].join(","));
  if (state.thread !== null) params.set("thread", String(state.thread));
  if (state.minPapers > 1) params.set("min", String(state.minPapers));
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`)
    history.replaceState(null, "", url);
}
