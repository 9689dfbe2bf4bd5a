/**
 * Export: the knowledge graph as GEXF, GraphML, CSV, graphology JSON or one HTML page. Pure: text
 * out, except gexfFileData, whose writer of a large graph's GEXF runs on a worker thread.
 */
import { type KnowledgeGraph, NO_TAIL, placedTail, type Tail } from "../graph/index.js";
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
  type ViewerTail,
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
export function* jsonChunks(graph: KnowledgeGraph, tail: Tail = NO_TAIL): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `${JSON.stringify({ options, attributes: graph.getAttributes() }).slice(0, -1)},"nodes":[`;
  yield* commaSeparated(nodeTexts(graph, tail), (text) => text);
  yield '],"edges":[';
  yield* commaSeparated(edgeTexts(graph, tail), (text) => text);
  yield "]}\n";
}

/** Each node's JSON: the graph's, then the tail's that a large build kept out of it (graph/tail.ts). */
function* nodeTexts(graph: KnowledgeGraph, tail: Tail): Generator<string> {
  const text = (key: string, attributes: object) =>
    JSON.stringify(hasKeys(attributes) ? { key, attributes } : { key });
  for (const { node, attributes } of graph.nodeEntries()) yield text(node, attributes);
  for (const { entity, attributes } of placedTail(graph, tail)) yield text(entity.id, attributes);
}

/** Each edge's JSON, its key left out (graphFromJson makes it again from its ends); the tail's last. */
function* edgeTexts(graph: KnowledgeGraph, tail: Tail): Generator<string> {
  const text = (source: string, target: string, attributes: object) =>
    JSON.stringify(hasKeys(attributes) ? { source, target, attributes } : { source, target });
  for (const { source, target, attributes } of graph.edgeEntries())
    yield text(source, target, attributes);
  for (const { paper, id, edge } of tail.all()) yield text(paper, id, edge);
}

/** graphology's serialization as one string, for graphs that fit in one. */
export function toJson(graph: KnowledgeGraph): string {
  return [...jsonChunks(graph)].join("");
}
