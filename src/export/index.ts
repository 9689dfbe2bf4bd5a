/**
 * Export: the knowledge graph as GEXF, GraphML, CSV, graphology JSON or one HTML page. Pure: text
 * out, except gexfFileData, whose writer of a large graph's GEXF runs on a worker thread.
 */
import type { KnowledgeGraph } from "../graph/index.js";
import { commaSeparated } from "../io/chunks.js";

export { gexfFileData } from "./background.js";
export { csvCell, toCsv } from "./csv.js";
export { gexfChunks, gexfTable, toGexf } from "./gexf.js";
export { graphmlChunks, toGraphml } from "./graphml.js";
export { toHtml, type ViewerBundle } from "./html.js";
export {
  detailsShard,
  MAP_REST_FILE,
  type PaperDetails,
  type ViewerMap,
  type ViewerMapRest,
  viewerDetailShards,
  viewerDetails,
  viewerMaps,
} from "./viewer-data.js";

/** Whether an object has any own enumerable key. */
function hasKeys(value: object): boolean {
  for (const _ in value) return true;
  return false;
}

/**
 * graphology's serialization (what the viewer loads) as chunks, without edge keys, and without
 * building a copy of the graph: a 100,000-paper graph is larger than one string can be, and its
 * copy larger than memory should hold. graphFromJson reads it back. Each entry is one
 * JSON.stringify, attributes left out when there are none, as graphology's export does.
 */
export function* jsonChunks(graph: KnowledgeGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `${JSON.stringify({ options, attributes: graph.getAttributes() }).slice(0, -1)},"nodes":[`;
  yield* commaSeparated(graph.nodeEntries(), ({ node: key, attributes }) =>
    JSON.stringify(hasKeys(attributes) ? { key, attributes } : { key }),
  );
  yield '],"edges":[';
  // Edge keys are left out: graphFromJson makes them again from each edge's ends.
  yield* commaSeparated(graph.edgeEntries(), ({ source, target, attributes }) =>
    JSON.stringify(hasKeys(attributes) ? { source, target, attributes } : { source, target }),
  );
  yield "]}\n";
}

/** graphology's serialization as one string, for graphs that fit in one. */
export function toJson(graph: KnowledgeGraph): string {
  return [...jsonChunks(graph)].join("");
}
