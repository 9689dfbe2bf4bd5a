import type Graph from "graphology";
import { graphFromJson, type SerializedKnowledgeGraph } from "../../src/graph/serialize.js";
import type {
  GraphAttributes,
  GraphEdgeAttributes,
  GraphNodeAttributes,
  ThreadReport,
} from "../../src/types.js";

export type ViewerGraph = Graph<GraphNodeAttributes, GraphEdgeAttributes, GraphAttributes>;

export interface ViewerData {
  graph: ViewerGraph;
  threads: ThreadReport;
}

interface Payload {
  graph: SerializedKnowledgeGraph;
  threads: ThreadReport;
}

/** The id of the script element that carries the graph in a self-contained HTML export. */
export const EMBEDDED_DATA_ID = "papergraph-data";

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

/** The graph embedded in the page (HTML export), or else graph.json and threads.json beside it. */
export async function loadData(): Promise<ViewerData> {
  const embedded = document.getElementById(EMBEDDED_DATA_ID);
  const payload: Payload = embedded?.textContent
    ? (JSON.parse(embedded.textContent) as Payload)
    : { graph: await fetchJson("graph.json"), threads: await fetchJson("threads.json") };
  return { graph: graphFromJson(payload.graph), threads: payload.threads };
}
