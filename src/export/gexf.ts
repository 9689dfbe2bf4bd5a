import type { KnowledgeGraph } from "../graph/index.js";
import type { GraphEdgeAttributes, GraphNodeAttributes } from "../types.js";
import { chunked, xmlText } from "./xml.js";

/** Attributes Gephi shows in its data table, declared once: [id, GEXF type]. */
const NODE_ATTRIBUTES = [
  ["type", "string"],
  ["thread", "integer"],
  ["paperCount", "integer"],
  ["aliases", "string"],
  ["date", "string"],
  ["url", "string"],
] as const;
const EDGE_ATTRIBUTES = [
  ["type", "string"],
  ["relation", "string"],
  ["count", "integer"],
] as const;

function declarations(owner: "node" | "edge", attributes: readonly (readonly string[])[]): string {
  const lines = attributes.map(
    ([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>\n`,
  );
  return `    <attributes class="${owner}">\n${lines.join("")}    </attributes>\n`;
}

/** <attvalues> of the values that are set; a list is written "a; b". */
function attvalues(values: Record<string, unknown>, attributes: readonly (readonly string[])[]) {
  let out = "";
  for (const [id] of attributes) {
    const value = values[id as string];
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
      continue;
    const text = Array.isArray(value) ? value.join("; ") : String(value);
    out += `          <attvalue for="${id}" value="${xmlText(text)}"/>\n`;
  }
  return `        <attvalues>\n${out}        </attvalues>\n`;
}

/** "#4e79a7" as r, g, b attributes: networkx reads only those, Gephi both. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `r="${(value >> 16) & 255}" g="${(value >> 8) & 255}" b="${value & 255}"`;
}

function nodeElement([key, a]: [string, GraphNodeAttributes]): string {
  return (
    `      <node id="${xmlText(key)}" label="${xmlText(a.label)}">\n` +
    attvalues({ ...a }, NODE_ATTRIBUTES) +
    `        <viz:color ${rgb(a.color)}/>\n` +
    `        <viz:size value="${a.size}"/>\n` +
    `        <viz:position x="${a.x}" y="${a.y}"/>\n` +
    "      </node>\n"
  );
}

function edgeElement([key, a, source, target]: [string, GraphEdgeAttributes, string, string]) {
  return (
    `      <edge id="${xmlText(key)}" source="${xmlText(source)}" target="${xmlText(target)}" weight="${a.weight}">\n` +
    attvalues({ ...a }, EDGE_ATTRIBUTES) +
    "      </edge>\n"
  );
}

function* nodeEntries(graph: KnowledgeGraph) {
  for (const { node, attributes } of graph.nodeEntries())
    yield [node, attributes] as [string, GraphNodeAttributes];
}

function* edgeEntries(graph: KnowledgeGraph) {
  for (const { edge, attributes, source, target } of graph.edgeEntries())
    yield [edge, attributes, source, target] as [string, GraphEdgeAttributes, string, string];
}

/**
 * GEXF 1.3 for Gephi, streamed: node type, thread and entity attributes declared, colour, size and
 * position as viz elements, so Gephi opens a laid-out, coloured map without running a layout.
 * Written here rather than by graphology-gexf, which builds the document as one string: a
 * 100,000-paper graph's GEXF is larger than memory should hold at once.
 */
export function* gexfChunks(graph: KnowledgeGraph): Generator<string> {
  const { name, modularity, resolution } = graph.getAttributes();
  // GEXF's <meta> admits only creator, keywords and description: the graph's attributes are prose there.
  const description = `${name}: research threads by Louvain (resolution ${resolution}, modularity ${modularity})`;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n' +
    "  <meta>\n    <creator>papergraph</creator>\n" +
    `    <description>${xmlText(description)}</description>\n  </meta>\n` +
    '  <graph defaultedgetype="undirected">\n' +
    declarations("node", NODE_ATTRIBUTES) +
    declarations("edge", EDGE_ATTRIBUTES) +
    "    <nodes>\n";
  yield* chunked(nodeEntries(graph), nodeElement);
  yield "    </nodes>\n    <edges>\n";
  yield* chunked(edgeEntries(graph), edgeElement);
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

/** The GEXF document as one string, for graphs that fit in one. */
export function toGexf(graph: KnowledgeGraph): string {
  return [...gexfChunks(graph)].join("");
}
