/** Export: the knowledge graph as GEXF, GraphML, CSV or graphology JSON. Pure: strings out. */
import type { KnowledgeGraph } from "../graph/index.js";

export { csvCell, toCsv } from "./csv.js";
export { toGexf } from "./gexf.js";
export { toGraphml } from "./graphml.js";
export { toHtml, type ViewerBundle } from "./html.js";

/** graphology's serialization (what the viewer loads), with stable key order. */
export function toJson(graph: KnowledgeGraph): string {
  return `${JSON.stringify(graph.export())}\n`;
}
