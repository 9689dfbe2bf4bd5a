import type { KnowledgeGraph } from "../graph/index.js";
import { chunked } from "../io/chunks.js";
import { xmlText } from "./xml.js";

const NODE_KEYS = [
  ["label", "string"],
  ["type", "string"],
  ["thread", "int"],
  ["paperCount", "int"],
  ["aliases", "string"],
  ["broader", "string"],
  ["date", "string"],
  ["url", "string"],
  ["color", "string"],
  ["size", "double"],
  ["x", "double"],
  ["y", "double"],
] as const;
const EDGE_KEYS = [
  ["type", "string"],
  ["weight", "double"],
  ["relation", "string"],
  ["count", "int"],
] as const;

type Keys = readonly (readonly [string, string])[];

function keyLines(owner: "node" | "edge", keys: Keys): string[] {
  return keys.map(
    ([name, type]) =>
      `  <key id="${owner[0]}_${name}" for="${owner}" attr.name="${name}" attr.type="${type}"/>`,
  );
}

function dataLines(owner: "node" | "edge", values: Record<string, unknown>, keys: Keys): string[] {
  const lines: string[] = [];
  for (const [name] of keys) {
    const value = values[name];
    if (value === undefined || value === null || value === "") continue;
    const text = Array.isArray(value) ? value.join("; ") : String(value);
    lines.push(`      <data key="${owner[0]}_${name}">${xmlText(text)}</data>`);
  }
  return lines;
}

/** GraphML (yEd, Cytoscape, networkx, igraph): the same nodes, edges and attributes as the GEXF, streamed. */
export function* graphmlChunks(graph: KnowledgeGraph): Generator<string> {
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keyLines("node", NODE_KEYS),
    ...keyLines("edge", EDGE_KEYS),
    `  <graph id="${xmlText(graph.getAttribute("name"))}" edgedefault="undirected">`,
  ];
  yield `${head.join("\n")}\n`;
  yield* chunked(graph.nodes(), (node) =>
    lines([
      `    <node id="${xmlText(node)}">`,
      ...dataLines("node", { ...graph.getNodeAttributes(node) }, NODE_KEYS),
      "    </node>",
    ]),
  );
  yield* chunked(graph.edges(), (edge) =>
    lines([
      `    <edge id="${xmlText(edge)}" source="${xmlText(graph.source(edge))}" target="${xmlText(graph.target(edge))}">`,
      ...dataLines("edge", { ...graph.getEdgeAttributes(edge) }, EDGE_KEYS),
      "    </edge>",
    ]),
  );
  yield "  </graph>\n</graphml>\n";
}

function lines(text: string[]): string {
  return `${text.join("\n")}\n`;
}

export function toGraphml(graph: KnowledgeGraph): string {
  return [...graphmlChunks(graph)].join("");
}
