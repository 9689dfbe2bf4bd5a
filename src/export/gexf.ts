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
function attvalues(values: object, attributes: readonly (readonly string[])[]): string {
  let out = "";
  for (const [id] of attributes) {
    const value = (values as Record<string, unknown>)[id as string];
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0))
      continue;
    const text = Array.isArray(value) ? value.join("; ") : String(value);
    out += `<attvalue for="${id}" value="${xmlText(text)}"/>`;
  }
  return `<attvalues>${out}</attvalues>`;
}

/** "#4e79a7" as r, g, b attributes: networkx reads only those, Gephi both. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `r="${(value >> 16) & 255}" g="${(value >> 8) & 255}" b="${value & 255}"`;
}

/** One line a node or edge: a file of a million edges stays diffable, and a fifth smaller. */
function nodeElement({ node, attributes: a }: { node: string; attributes: GraphNodeAttributes }) {
  return (
    `      <node id="${xmlText(node)}" label="${xmlText(a.label)}">` +
    attvalues(a, NODE_ATTRIBUTES) +
    `<viz:color ${rgb(a.color)}/><viz:size value="${a.size}"/><viz:position x="${a.x}" y="${a.y}"/></node>\n`
  );
}

function edgeElement(entry: {
  edge: string;
  attributes: GraphEdgeAttributes;
  source: string;
  target: string;
}) {
  const { edge, attributes: a, source, target } = entry;
  return (
    `      <edge id="${xmlText(edge)}" source="${xmlText(source)}" target="${xmlText(target)}" weight="${a.weight}">` +
    `${attvalues(a, EDGE_ATTRIBUTES)}</edge>\n`
  );
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
  yield* chunked(graph.nodeEntries(), nodeElement);
  yield "    </nodes>\n    <edges>\n";
  yield* chunked(graph.edgeEntries(), edgeElement);
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

/** The GEXF document as one string, for graphs that fit in one. */
export function toGexf(graph: KnowledgeGraph): string {
  return [...gexfChunks(graph)].join("");
}
