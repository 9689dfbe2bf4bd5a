import type { KnowledgeGraph } from "../graph/index.js";
// The graph's serialization entry, light enough for the viewer bundle that also writes GEXF.
import { edgeKey } from "../graph/index.js";
import {
  EDGE_TYPES,
  type EdgeType,
  type GraphNodeAttributes,
  type InvarianceRelation,
} from "../types.js";
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

/** The node attributes GEXF writes. */
export type GexfNode = Pick<
  GraphNodeAttributes,
  | "type"
  | "label"
  | "thread"
  | "paperCount"
  | "aliases"
  | "date"
  | "url"
  | "color"
  | "size"
  | "x"
  | "y"
> & { id: string };

/**
 * What GEXF writes of a graph, with its edges as columns of numbers: handed to a worker thread,
 * an object per edge cost more to copy than to write. Edge ids are made again from their ends.
 */
export interface GexfTable {
  description: string;
  nodes: GexfNode[];
  /** Per edge: source and target, as indices into `nodes`. */
  edgeEnds: Int32Array;
  /** Per edge: index into EDGE_TYPES. */
  edgeTypes: Uint8Array;
  edgeWeights: Float64Array;
  /** Per edge: 0 for none, else 1 + index into RELATIONS. */
  edgeRelations: Uint8Array;
  /** Per edge: -1 for none. */
  edgeCounts: Int32Array;
}

const RELATIONS: readonly InvarianceRelation[] = ["invariant", "equivariant"];

/** The table GEXF is written from. */
export function gexfTable(graph: KnowledgeGraph): GexfTable {
  const { name, modularity, resolution } = graph.getAttributes();
  const index = new Map<string, number>();
  const nodes = graph.mapNodes((id, a): GexfNode => {
    index.set(id, index.size);
    const { type, label, thread, paperCount, aliases, date, url, color, size, x, y } = a;
    return { id, type, label, thread, paperCount, aliases, date, url, color, size, x, y };
  });
  const edges = graph.size;
  const table: GexfTable = {
    // GEXF's <meta> admits only creator, keywords and description: the graph's attributes are prose there.
    description: `${name}: research threads by Louvain (resolution ${resolution}, modularity ${modularity})`,
    nodes,
    edgeEnds: new Int32Array(2 * edges),
    edgeTypes: new Uint8Array(edges),
    edgeWeights: new Float64Array(edges),
    edgeRelations: new Uint8Array(edges),
    edgeCounts: new Int32Array(edges),
  };
  let e = 0;
  graph.forEachEdge((_, a, source, target) => {
    table.edgeEnds[2 * e] = index.get(source) as number;
    table.edgeEnds[2 * e + 1] = index.get(target) as number;
    table.edgeTypes[e] = EDGE_TYPES.indexOf(a.type);
    table.edgeWeights[e] = a.weight;
    table.edgeRelations[e] = a.relation ? RELATIONS.indexOf(a.relation) + 1 : 0;
    table.edgeCounts[e] = a.count ?? -1;
    e++;
  });
  return table;
}

/** One line a node or edge: a file of a million edges stays diffable, and a fifth smaller. */
function nodeElement(node: GexfNode): string {
  return (
    `      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}">` +
    attvalues(node, NODE_ATTRIBUTES) +
    `<viz:color ${rgb(node.color)}/><viz:size value="${node.size}"/><viz:position x="${node.x}" y="${node.y}"/></node>\n`
  );
}

function edgeElement(table: GexfTable, e: number): string {
  const source = table.nodes[table.edgeEnds[2 * e] as number]?.id as string;
  const target = table.nodes[table.edgeEnds[2 * e + 1] as number]?.id as string;
  const type = EDGE_TYPES[table.edgeTypes[e] as number] as EdgeType;
  const relation = RELATIONS[(table.edgeRelations[e] as number) - 1];
  const count = table.edgeCounts[e] as number;
  const values = { type, relation, count: count < 0 ? undefined : count };
  return (
    `      <edge id="${xmlText(edgeKey(source, target, type))}" source="${xmlText(source)}" target="${xmlText(target)}" weight="${table.edgeWeights[e]}">` +
    `${attvalues(values, EDGE_ATTRIBUTES)}</edge>\n`
  );
}

/**
 * GEXF 1.3 for Gephi, streamed: node type, thread and entity attributes declared, colour, size and
 * position as viz elements, so Gephi opens a laid-out, coloured map without running a layout.
 * Written here rather than by graphology-gexf, which builds the document as one string: a
 * 100,000-paper graph's GEXF is larger than memory should hold at once.
 */
export function* gexfChunks(table: GexfTable): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n' +
    "  <meta>\n    <creator>papergraph</creator>\n" +
    `    <description>${xmlText(table.description)}</description>\n  </meta>\n` +
    '  <graph defaultedgetype="undirected">\n' +
    declarations("node", NODE_ATTRIBUTES) +
    declarations("edge", EDGE_ATTRIBUTES) +
    "    <nodes>\n";
  yield* chunked(table.nodes, nodeElement);
  yield "    </nodes>\n    <edges>\n";
  yield* chunked(table.edgeWeights.keys(), (e) => edgeElement(table, e));
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

/** The GEXF document as one string, for graphs that fit in one. */
export function toGexf(graph: KnowledgeGraph): string {
  return [...gexfChunks(gexfTable(graph))].join("");
}
