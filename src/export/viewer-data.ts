/**
 * The files made for the viewer: `map.json`, what the first frame needs (every node's place,
 * type, label, size, colour and thread; every edge's ends, type and weight) in columns, a fraction
 * of graph.json to fetch and parse; and `details/<shard>.json`, the papers' abstracts, mentions,
 * authors and sources, fetched when a paper is opened. graph.json stays whole for code and tools.
 */
import Graph from "graphology";
import type { KnowledgeGraph } from "../graph/build.js";
import { edgeKey } from "../graph/serialize.js";
import {
  EDGE_TYPES,
  type EdgeType,
  type GraphAttributes,
  type GraphEdgeAttributes,
  type GraphNodeAttributes,
  type InvarianceRelation,
  type MentionSpan,
  NODE_TYPES,
  type NodeType,
} from "../types.js";

export const VIEWER_MAP_FORMAT = "papergraph-map/1";
/** Papers per details shard: opening a paper fetches one shard of about this many. */
const PAPERS_PER_SHARD = 400;

/** The map the viewer draws first, node and edge attributes as parallel columns. */
export interface ViewerMap {
  format: typeof VIEWER_MAP_FORMAT;
  attributes: GraphAttributes;
  nodeTypes: readonly NodeType[];
  edgeTypes: readonly EdgeType[];
  nodes: {
    key: string[];
    type: number[];
    label: string[];
    x: number[];
    y: number[];
    size: number[];
    color: string[];
    thread: number[];
    /** Entities: papers naming it; papers: 0. */
    paperCount: number[];
    /** Papers: their date, "" when none. */
    date: string[];
    /** Entities with other names: node index → aliases. */
    aliases: Record<number, string[]>;
  };
  edges: {
    source: number[];
    target: number[];
    type: number[];
    weight: number[];
    /** Co-occurrences: edge index → papers in common (how many, and up to 50 of them). */
    count: Record<number, number>;
    papers: Record<number, string[]>;
    relation: Record<number, string>;
  };
  /** How many details shards there are; a paper's is detailsShard(key, shards). */
  shards: number;
}

/** What a paper's panel needs beyond the map. */
export interface PaperDetails {
  abstract?: string;
  url?: string;
  authors?: string[];
  sources?: string[];
  mentions?: MentionSpan[];
}

/** The details shard of a paper: a stable hash of its key, so the viewer finds it alone. */
export function detailsShard(key: string, shards: number): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % shards;
}

function shardCount(graph: KnowledgeGraph): number {
  let papers = 0;
  graph.forEachNode((_, a) => {
    if (a.type === "paper") papers++;
  });
  return Math.max(1, Math.ceil(papers / PAPERS_PER_SHARD));
}

export function viewerMap(graph: KnowledgeGraph): ViewerMap {
  const index = new Map<string, number>();
  const nodes: ViewerMap["nodes"] = {
    key: [],
    type: [],
    label: [],
    x: [],
    y: [],
    size: [],
    color: [],
    thread: [],
    paperCount: [],
    date: [],
    aliases: {},
  };
  graph.forEachNode((key, a) => {
    const i = nodes.key.length;
    index.set(key, i);
    nodes.key.push(key);
    nodes.type.push(NODE_TYPES.indexOf(a.type));
    nodes.label.push(a.label);
    nodes.x.push(a.x);
    nodes.y.push(a.y);
    nodes.size.push(a.size);
    nodes.color.push(a.color);
    nodes.thread.push(a.thread);
    nodes.paperCount.push(a.paperCount ?? 0);
    nodes.date.push(a.date ?? "");
    if (a.aliases && a.aliases.length > 0) nodes.aliases[i] = a.aliases;
  });
  const edges: ViewerMap["edges"] = {
    source: [],
    target: [],
    type: [],
    weight: [],
    count: {},
    papers: {},
    relation: {},
  };
  graph.forEachEdge((_, a, source, target) => {
    const i = edges.source.length;
    edges.source.push(index.get(source) as number);
    edges.target.push(index.get(target) as number);
    edges.type.push(EDGE_TYPES.indexOf(a.type));
    edges.weight.push(a.weight);
    if (a.count !== undefined) edges.count[i] = a.count;
    if (a.papers) edges.papers[i] = a.papers;
    if (a.relation) edges.relation[i] = a.relation;
  });
  return {
    format: VIEWER_MAP_FORMAT,
    attributes: graph.getAttributes(),
    nodeTypes: NODE_TYPES,
    edgeTypes: EDGE_TYPES,
    nodes,
    edges,
    shards: shardCount(graph),
  };
}

/** Every paper's details, by shard: shard → paper key → details. */
export function viewerDetails(graph: KnowledgeGraph): Record<string, PaperDetails>[] {
  const shards: Record<string, PaperDetails>[] = Array.from(
    { length: shardCount(graph) },
    () => ({}),
  );
  graph.forEachNode((key, a) => {
    if (a.type !== "paper") return;
    const { abstract, url, authors, sources, mentions } = a;
    (shards[detailsShard(key, shards.length)] as Record<string, PaperDetails>)[key] = {
      abstract,
      url,
      authors,
      sources,
      mentions,
    };
  });
  return shards;
}

/** The graph of a map file: nodes and edges from their columns, details still to come. */
export function graphFromMap(map: ViewerMap): KnowledgeGraph {
  const graph: KnowledgeGraph = new Graph({
    type: "undirected",
    multi: false,
    allowSelfLoops: false,
  });
  graph.replaceAttributes(map.attributes);
  const { nodes, edges } = map;
  nodes.key.forEach((key, i) => {
    const attributes: GraphNodeAttributes = {
      type: map.nodeTypes[nodes.type[i] as number] as GraphNodeAttributes["type"],
      label: nodes.label[i] as string,
      x: nodes.x[i] as number,
      y: nodes.y[i] as number,
      size: nodes.size[i] as number,
      color: nodes.color[i] as string,
      thread: nodes.thread[i] as number,
    };
    if (attributes.type !== "paper") attributes.paperCount = nodes.paperCount[i] as number;
    if (nodes.date[i]) attributes.date = nodes.date[i];
    const aliases = nodes.aliases[i];
    if (aliases) attributes.aliases = aliases;
    graph.addNode(key, attributes);
  });
  edges.source.forEach((s, i) => {
    const [source, target] = [
      nodes.key[s] as string,
      nodes.key[edges.target[i] as number] as string,
    ];
    const type = map.edgeTypes[edges.type[i] as number] as GraphEdgeAttributes["type"];
    const attributes: GraphEdgeAttributes = { type, weight: edges.weight[i] as number };
    if (edges.count[i] !== undefined) attributes.count = edges.count[i];
    if (edges.papers[i]) attributes.papers = edges.papers[i];
    if (edges.relation[i]) attributes.relation = edges.relation[i] as InvarianceRelation;
    graph.addEdgeWithKey(edgeKey(source, target, type), source, target, attributes);
  });
  return graph;
}
