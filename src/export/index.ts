/** Export: the knowledge graph as GEXF, GraphML, CSV, graphology JSON or one HTML page. Pure: text out. */
import type { KnowledgeGraph } from "../graph/index.js";

export { csvCell, toCsv } from "./csv.js";
export { toGexf } from "./gexf.js";
export { toGraphml } from "./graphml.js";
export { toHtml, type ViewerBundle } from "./html.js";

/** Nodes or edges per chunk of the streamed serialization. */
const PER_CHUNK = 2000;

/** Serialized entries, PER_CHUNK at a time, comma-joined; built one chunk at a time, never all at once. */
function* entryChunks(keys: readonly string[], entry: (key: string) => unknown): Generator<string> {
  for (let i = 0; i < keys.length; i += PER_CHUNK) {
    const chunk = keys
      .slice(i, i + PER_CHUNK)
      .map((key) => JSON.stringify(entry(key)))
      .join(",");
    yield i === 0 ? chunk : `,${chunk}`;
  }
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
  yield* entryChunks(graph.nodes(), (key) => withAttributes({ key }, graph.getNodeAttributes(key)));
  yield '],"edges":[';
  yield* entryChunks(graph.edges(), (key) =>
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
