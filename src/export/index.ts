/**
 * Export: the knowledge graph as GEXF, GraphML, CSV, graphology JSON or one HTML page. Pure: text
 * out, except gexfFileData, whose writer of a large graph's GEXF runs on a worker thread.
 */
import {
  type KnowledgeGraph,
  NO_TAIL,
  type PaperTexts,
  placedTail,
  type Tail,
  withPaperText,
} from "../graph/index.js";
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
export function* jsonChunks(
  graph: KnowledgeGraph,
  { tail = NO_TAIL, texts }: { tail?: Tail; texts?: PaperTexts } = {},
): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `${JSON.stringify({ options, attributes: graph.getAttributes() }).slice(0, -1)},"nodes":[`;
  yield* commaSeparated(nodeTexts(graph, tail, texts), (text) => text);
  yield '],"edges":[';
  yield* commaSeparated(edgeTexts(graph, tail), (text) => text);
  yield "]}\n";
}

/**
 * Each node's JSON: the graph's, each paper's with its text where a large build kept that apart,
 * then the tail's that it kept out of the graph (graph/tail.ts).
 */
function* nodeTexts(
  graph: KnowledgeGraph,
  tail: Tail,
  texts: PaperTexts | undefined,
): Generator<string> {
  const text = (key: string, attributes: object) =>
    JSON.stringify(hasKeys(attributes) ? { key, attributes } : { key });
  for (const { node, attributes } of graph.nodeEntries()) {
    const kept = attributes.type === "paper" ? texts?.of(node) : undefined;
    yield text(node, kept ? withPaperText(attributes, kept) : attributes);
  }
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
