/**
 * Export: the knowledge graph as GEXF, GraphML, CSV, graphology JSON or one HTML page. Pure: text
 * out, except gexfFileData, whose writer of a large graph's GEXF runs on a worker thread.
 */
import type { KnowledgeGraph } from "../graph/index.js";
import { chunked } from "./xml.js";

export { gexfFileData } from "./background.js";
export { csvCell, toCsv } from "./csv.js";
export { gexfChunks, gexfTable, toGexf } from "./gexf.js";
export { graphmlChunks, toGraphml } from "./graphml.js";
export { toHtml, type ViewerBundle } from "./html.js";

/** `render` of each item, comma-separated, in chunks. */
function commaSeparated<T>(items: Iterable<T>, render: (item: T) => string): Generator<string> {
  let separator = "";
  return chunked(items, (item) => {
    const text = separator + render(item);
    separator = ",";
    return text;
  });
}

/** An entry as graphology's export writes it (`head` is its opening and keys), attributes left out when there are none. */
function entryJson(head: string, attributes: object): string {
  for (const _ in attributes) return `${head},"attributes":${JSON.stringify(attributes)}}`;
  return `${head}}`;
}

/**
 * graphology's serialization (what the viewer loads) as chunks, without edge keys, and without
 * building a copy of the graph: a 100,000-paper graph is larger than one string can be, and its
 * copy larger than memory should hold. graphFromJson reads it back.
 */
export function* jsonChunks(graph: KnowledgeGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `${JSON.stringify({ options, attributes: graph.getAttributes() }).slice(0, -1)},"nodes":[`;
  yield* commaSeparated(graph.nodeEntries(), ({ node, attributes }) =>
    entryJson(`{"key":${JSON.stringify(node)}`, attributes),
  );
  yield '],"edges":[';
  // Edge keys are left out: graphFromJson makes them again from each edge's ends.
  yield* commaSeparated(graph.edgeEntries(), ({ source, target, attributes }) =>
    entryJson(`{"source":${JSON.stringify(source)},"target":${JSON.stringify(target)}`, attributes),
  );
  yield "]}\n";
}

/** graphology's serialization as one string, for graphs that fit in one. */
export function toJson(graph: KnowledgeGraph): string {
  return [...jsonChunks(graph)].join("");
}
