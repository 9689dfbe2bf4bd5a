/** Export: the knowledge graph as GEXF, GraphML, CSV, graphology JSON or one HTML page. Pure: text out. */
import type { KnowledgeGraph } from "../graph/index.js";

export { csvCell, toCsv } from "./csv.js";
export { toGexf } from "./gexf.js";
export { toGraphml } from "./graphml.js";
export { toHtml, type ViewerBundle } from "./html.js";

/** Nodes or edges per chunk of the streamed serialization. */
const PER_CHUNK = 2000;

function* arrayChunks(items: readonly unknown[]): Generator<string> {
  for (let i = 0; i < items.length; i += PER_CHUNK) {
    const chunk = items
      .slice(i, i + PER_CHUNK)
      .map((item) => JSON.stringify(item))
      .join(",");
    yield i === 0 ? chunk : `,${chunk}`;
  }
}

/**
 * graphology's serialization (what the viewer loads) as chunks, byte for byte what one
 * JSON.stringify would give: a 100,000-paper graph is larger than one string can be.
 */
export function* jsonChunks(graph: KnowledgeGraph): Generator<string> {
  const { nodes, edges, ...head } = graph.export();
  yield `${JSON.stringify(head).slice(0, -1)},"nodes":[`;
  yield* arrayChunks(nodes);
  yield '],"edges":[';
  yield* arrayChunks(edges);
  yield "]}\n";
}

/** graphology's serialization as one string, for graphs that fit in one. */
export function toJson(graph: KnowledgeGraph): string {
  return [...jsonChunks(graph)].join("");
}
