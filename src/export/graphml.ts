import type { KnowledgeGraph } from "../graph/index.js";

const NODE_KEYS = [
  ["label", "string"],
  ["type", "string"],
  ["thread", "int"],
  ["paperCount", "int"],
  ["aliases", "string"],
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

/** Text safe inside an XML attribute or element: markup escaped, characters XML forbids removed. */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

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

/** GraphML (yEd, Cytoscape, networkx, igraph): the same nodes, edges and attributes as the GEXF. */
export function toGraphml(graph: KnowledgeGraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keyLines("node", NODE_KEYS),
    ...keyLines("edge", EDGE_KEYS),
    `  <graph id="${xmlText(graph.getAttribute("name"))}" edgedefault="undirected">`,
  ];
  graph.forEachNode((node, attributes) => {
    lines.push(
      `    <node id="${xmlText(node)}">`,
      ...dataLines("node", { ...attributes }, NODE_KEYS),
      "    </node>",
    );
  });
  graph.forEachEdge((edge, attributes, source, target) => {
    lines.push(
      `    <edge id="${xmlText(edge)}" source="${xmlText(source)}" target="${xmlText(target)}">`,
      ...dataLines("edge", { ...attributes }, EDGE_KEYS),
      "    </edge>",
    );
  });
  lines.push("  </graph>", "</graphml>");
  return `${lines.join("\n")}\n`;
}
