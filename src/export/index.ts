/** Export: the knowledge graph as GEXF, GraphML, CSV, graphology JSON or one HTML page. Pure: text out. */
import type { KnowledgeGraph } from "../graph/index.js";
import { chunked } from "./xml.js";

export { csvCell, toCsv } from "./csv.js";
export { gexfChunks, toGexf } from "./gexf.js";
export { graphmlChunks, toGraphml } from "./graphml.js";
export { toHtml, type ViewerBundle } from "./html.js";

/** Each key's entry as JSON, comma-separated, in chunks. */
function commaSeparated(keys: readonly string[], entry: (key: string) => unknown) {
  return chunked(keys, (key) => (key === keys[0] ? "" : ",") + JSON.stringify(entry(key)));
}

/** An entry as graphology's export writes it: attributes left out when there are none. */
function withAttributes<T extends object>(
  entry: T,
  attributes: object,
): T | (T & { attributes: object }) {
  return Object.keys(attributes).length > 0 ? { ...entry, attributes } : entry;
}

/**
 * graphology's serialization (what the viewer loads) as chunks, byte for byte what
 * JSON.stringify(graph.export()) gives, without building that copy: a 100,000-paper graph is
 * larger than one string can be, and its copy larger than memory should hold.
 */
export function* jsonChunks(graph: KnowledgeGraph): Generator<string> {
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  yield `${JSON.stringify({ options, attributes: graph.getAttributes() }).slice(0, -1)},"nodes":[`;
  yield* commaSeparated(graph.nodes(), (key) =>
    withAttributes({ key }, graph.getNodeAttributes(key)),
  );
  yield '],"edges":[';
  yield* commaSeparated(graph.edges(), (key) =>
    withAttributes(
      { key, source: graph.source(key), target: graph.target(key) },
      graph.getEdgeAttributes(key),
    ),
  );
  yield "]}\n";
}

/** graphology's serialization as one string, for graphs that fit in one. */
export function toJson(graph: KnowledgeGraph): string {
  return [...jsonChunks(graph)].join("");
}
