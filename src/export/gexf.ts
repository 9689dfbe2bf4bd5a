// The graph's own module, not its stage's index (which starts layout workers): the viewer's
// bundle, which also writes GEXF, takes in no Node module.
import { edgeKey, type KnowledgeGraph } from "../graph/build.js";
import { chunked } from "../io/chunks.js";
import { placedDate } from "../time/months.js";
import {
  EDGE_TYPES,
  type EdgeType,
  type GraphNodeAttributes,
  type InvarianceRelation,
} from "../types.js";
import { xmlText } from "./xml.js";

/** Attributes Gephi shows in its data table, declared once: [id, GEXF type]. */
const NODE_ATTRIBUTES = [
  ["type", "string"],
  ["thread", "integer"],
  ["subthread-1", "string"],
  ["subthread-2", "string"],
  ["paperCount", "integer"],
  ["aliases", "string"],
  ["broader", "string"],
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
  | "broader"
  | "date"
  | "url"
  | "color"
  | "size"
  | "x"
  | "y"
> & {
  id: string;
  /** Its sub-thread at each level: "3.0", then "3.0.2". */
  "subthread-1"?: string;
  "subthread-2"?: string;
  /** The day it entered the field: a paper's date, an entity's first paper's. */
  start?: string;
};

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
  /** Per edge: the day of its first paper, as days since 1970-01-01; NO_DAY for none. */
  edgeStarts: Int32Array;
  /** Whether any node or edge has a day: the graph is then written as dynamic. */
  dynamic: boolean;
}

const NO_DAY = -2147483648;
const DAY_MS = 86_400_000;

/** A paper's date as a day a timeline can place (a month stands for its first day); NO_DAY if none. */
function dayOf(date: string | undefined): number {
  const day = date === undefined ? undefined : placedDate(date);
  const ms = day ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(ms) ? NO_DAY : Math.round(ms / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The earliest of the days, NO_DAY when none has one. */
function earliest(days: Iterable<number>): number {
  let first = NO_DAY;
  for (const day of days) if (day !== NO_DAY && (first === NO_DAY || day < first)) first = day;
  return first;
}

/** Each node's day: a paper's own, an entity's first paper's. */
function nodeDays(graph: KnowledgeGraph): Map<string, number> {
  const days = new Map<string, number>();
  graph.forEachNode((node, { type, date }) => {
    if (type === "paper") days.set(node, dayOf(date));
  });
  graph.forEachNode((node, { type }) => {
    if (type === "paper") return;
    const papers: number[] = [];
    graph.forEachNeighbor(node, (neighbour) => {
      const day = days.get(neighbour);
      if (day !== undefined) papers.push(day);
    });
    days.set(node, earliest(papers));
  });
  return days;
}

const RELATIONS: readonly InvarianceRelation[] = ["invariant", "equivariant"];

/**
 * The table GEXF is written from. `leftOut` entities a large build kept out of its graph (its
 * tail) are not written: the description says how many, and where they are.
 */
export function gexfTable(graph: KnowledgeGraph, leftOut = 0): GexfTable {
  const { name, modularity, resolution } = graph.getAttributes();
  const index = new Map<string, number>();
  const days = nodeDays(graph);
  let dynamic = false;
  const nodes = graph.mapNodes((id, a): GexfNode => {
    index.set(id, index.size);
    const { type, label, thread, paperCount, aliases, broader, date, url, color, size, x, y } = a;
    const node: GexfNode = {
      id,
      type,
      label,
      thread,
      paperCount,
      aliases,
      broader,
      date,
      url,
      color,
      size,
      x,
      y,
    };
    const levels = a.subthread?.split(".") ?? [];
    if (levels.length > 1) node["subthread-1"] = levels.slice(0, 2).join(".");
    if (levels.length > 2) node["subthread-2"] = levels.slice(0, 3).join(".");
    const day = days.get(id) as number;
    if (day !== NO_DAY) {
      node.start = isoDay(day);
      dynamic = true;
    }
    return node;
  });
  const edges = graph.size;
  const table: GexfTable = {
    // GEXF's <meta> admits only creator, keywords and description: the graph's attributes are prose there.
    description:
      `${name}: research threads by Louvain (resolution ${resolution}, modularity ${modularity})` +
      (leftOut > 0
        ? `; ${leftOut} entities one paper alone names are left out (graph.json and the search index hold them)`
        : ""),
    nodes,
    edgeEnds: new Int32Array(2 * edges),
    edgeTypes: new Uint8Array(edges),
    edgeWeights: new Float64Array(edges),
    edgeRelations: new Uint8Array(edges),
    edgeCounts: new Int32Array(edges),
    edgeStarts: new Int32Array(edges),
    dynamic,
  };
  let e = 0;
  graph.forEachEdge((_, a, source, target) => {
    table.edgeEnds[2 * e] = index.get(source) as number;
    table.edgeEnds[2 * e + 1] = index.get(target) as number;
    table.edgeTypes[e] = EDGE_TYPES.indexOf(a.type);
    table.edgeWeights[e] = a.weight;
    table.edgeRelations[e] = a.relation ? RELATIONS.indexOf(a.relation) + 1 : 0;
    table.edgeCounts[e] = a.count ?? -1;
    // A paper's link starts with the paper; two entities' link with the first paper naming both.
    table.edgeStarts[e] =
      a.type === "cooccurs"
        ? earliest((a.papers ?? []).map((paper) => days.get(paper) ?? NO_DAY))
        : (days.get(
            graph.getNodeAttribute(source, "type") === "paper" ? source : target,
          ) as number);
    e++;
  });
  return table;
}

/** One line a node or edge: a file of a million edges stays diffable, and a fifth smaller. */
function nodeElement(node: GexfNode): string {
  return (
    `      <node id="${xmlText(node.id)}" label="${xmlText(node.label)}"${node.start ? ` start="${node.start}"` : ""}>` +
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
  const start = table.edgeStarts[e] as number;
  return (
    `      <edge id="${xmlText(edgeKey(source, target, type))}" source="${xmlText(source)}" target="${xmlText(target)}" weight="${table.edgeWeights[e]}"${start === NO_DAY ? "" : ` start="${isoDay(start)}"`}>` +
    `${attvalues(values, EDGE_ATTRIBUTES)}</edge>\n`
  );
}

/**
 * GEXF 1.3 for Gephi, streamed: node type, thread, sub-threads and entity attributes declared,
 * colour, size and position as viz elements, each node's and edge's first day as its start, so Gephi opens a laid-out, coloured map without running a layout.
 * Written here rather than by graphology-gexf, which builds the document as one string: a
 * 100,000-paper graph's GEXF is larger than memory should hold at once.
 */
export function* gexfChunks(table: GexfTable): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gexf version="1.3" xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">\n' +
    "  <meta>\n    <creator>papergraph</creator>\n" +
    `    <description>${xmlText(table.description)}</description>\n  </meta>\n` +
    // Dynamic where papers have dates: each node and edge starts on its first paper's day, so
    // Gephi's timeline plays the field's growth.
    `  <graph defaultedgetype="undirected"${table.dynamic ? ' mode="dynamic" timeformat="date"' : ""}>\n` +
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
