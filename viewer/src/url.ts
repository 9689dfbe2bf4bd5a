import type { NodeType } from "../../src/types.js";
import type { ViewState } from "./store.js";

const TYPES: NodeType[] = ["paper", "method", "dataset", "task", "invariance"];
const MONTH = /^\d{4}-\d{2}$/;

/** The shareable part of the view, read from the address: ?node=method:x&hide=paper,task&thread=3 */
export function stateFromUrl(
  search: string,
  hasNode: (id: string) => boolean,
  hasThread: (id: number) => boolean = () => true,
): Partial<ViewState> {
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
    thread: params.has("thread") && Number.isInteger(thread) && hasThread(thread) ? thread : null,
    ...(Number.isInteger(minPapers) && minPapers >= 1 ? { minPapers } : {}),
    dateFrom: MONTH.test(params.get("from") ?? "") ? params.get("from") : null,
    dateTo: MONTH.test(params.get("to") ?? "") ? params.get("to") : null,
  };
}

/**
 * Writes the selection and filters into the address without a page load, so a view can be shared;
 * as a new history entry when `push`, else in place of the current one.
 */
export function writeUrl(state: ViewState, push = false): void {
  const params = new URLSearchParams();
  if (state.selected) params.set("node", state.selected);
  if (state.hiddenTypes.size > 0) params.set("hide", [...state.hiddenTypes].join(","));
  if (state.thread !== null) params.set("thread", String(state.thread));
  if (state.minPapers > 1) params.set("min", String(state.minPapers));
  if (state.dateFrom) params.set("from", state.dateFrom);
  if (state.dateTo) params.set("to", state.dateTo);
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  if (url === `${location.pathname}${location.search}${location.hash}`) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

/** What the address names that this graph has not, said to the reader rather than ignored. */
export function unknownInUrl(
  search: string,
  hasNode: (id: string) => boolean,
  hasThread: (id: number) => boolean,
): string | null {
  const params = new URLSearchParams(search);
  const unknown: string[] = [];
  const node = params.get("node");
  if (node && !hasNode(node)) unknown.push(`no node "${node}"`);
  const thread = params.get("thread");
  if (thread !== null && !(Number.isInteger(Number(thread)) && hasThread(Number(thread))))
    unknown.push(`no thread "${thread}"`);
  const hidden = (params.get("hide") ?? "").split(",").filter(Boolean);
  for (const type of hidden)
    if (!TYPES.includes(type as NodeType)) unknown.push(`no type "${type}"`);
  const min = params.get("min");
  if (min !== null && !(Number.isInteger(Number(min)) && Number(min) >= 1))
    unknown.push(`no minimum of papers "${min}"`);
  return unknown.length > 0 ? `This map has ${unknown.join(", ")}: left out.` : null;
}
