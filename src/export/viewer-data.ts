/**
 * The files made for the viewer: `map.json`, what the first frame needs (each node's place, type,
 * label, size, colour and thread; each edge's ends, type and weight) in columns, a fraction of
 * graph.json to fetch and parse; on a large graph it holds the overview only and `map-rest.json`
 * the other nodes and edges, fetched after the first frame; and `details/<shard>.json`, the
 * papers' abstracts, mentions, authors and sources, fetched when a paper is opened. graph.json
 * stays whole for code and tools.
 */
import Graph from "graphology";
// Modules, not the stages' indexes: the viewer's bundle reads this file and takes in no Node module.
import { edgeKey, type KnowledgeGraph, type PaperTexts } from "../graph/build.js";
import { OFF_MAP_FROM, offMap } from "../graph/off-map.js";
import { commaSeparated } from "../io/chunks.js";
import { monthOf } from "../time/months.js";
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
import { defaultMinPapers, PAPERS_ON_ZOOM_FROM } from "./level-of-detail.js";

export const VIEWER_MAP_FORMAT = "papergraph-map/2";
export const VIEWER_MAP_REST_FORMAT = "papergraph-map-rest/2";
/** Where a large map's rest is written, beside map.json. */
export const MAP_REST_FILE = "map-rest.json";
/** Papers per details shard: opening a paper fetches one shard of about this many. */
const PAPERS_PER_SHARD = 400;

/** Nodes and edges as parallel columns; an edge's ends are node indices. */
export interface MapColumns {
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
    /** Entities with a dated paper: node index → the month of the first (the map's year overlay). */
    first: Record<number, string>;
    /** Entities that narrow another: node index → the broader entity's key. */
    broader: Record<number, string>;
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
}

/** What the first frame needs to know of the whole graph when the map holds only its overview. */
export interface WholeGraph {
  order: number;
  size: number;
  /** The least papers an entity needs to be shown by default (level-of-detail.ts). */
  minPapers: number;
  /** Entities not drawn at all (named by one paper in a large graph): in their papers' details. */
  offMap: number;
  /** The bounding box of every node's position: the frame stays put when the rest arrives. */
  extent: { x: [number, number]; y: [number, number] };
  /** Each thread's centre, over all its nodes: where its region label goes. */
  centres: Record<number, [number, number]>;
  /**
   * Where each sub-thread's label goes on zoom (first level, by path: "3.0"): at its most named
   * entity, since a sub-thread's nodes spread through its thread's disc and their mean is its middle.
   */
  subcentres: Record<string, [number, number]>;
}

/**
 * The map the viewer draws first. On a large graph it holds the overview only (the entities shown
 * by default and the edges between them, a few thousand nodes), so the first frame comes fast;
 * `rest` names the file with every other node and edge, fetched after the first frame.
 */
export interface ViewerMap extends MapColumns {
  format: typeof VIEWER_MAP_FORMAT;
  attributes: GraphAttributes;
  nodeTypes: readonly NodeType[];
  edgeTypes: readonly EdgeType[];
  whole: WholeGraph;
  /** The file of the nodes and edges the overview leaves out, or null when this map has them all. */
  rest: string | null;
  /** How many details shards there are; a paper's is detailsShard(key, shards). */
  shards: number;
}

/** The nodes and edges a map's overview leaves out: edge ends index the map's nodes, then these. */
export interface ViewerMapRest extends MapColumns {
  format: typeof VIEWER_MAP_REST_FORMAT;
}

/**
 * An entity the map leaves off (named by this paper alone, in a large graph): all the viewer needs
 * to put it on the map beside its paper when it is opened.
 */
export interface OffMapEntity {
  key: string;
  attributes: GraphNodeAttributes;
  /** The paper → entity edge. */
  edge: GraphEdgeAttributes;
}

/** What a paper's panel needs beyond the map. */
export interface PaperDetails {
  abstract?: string;
  url?: string;
  authors?: string[];
  sources?: string[];
  mentions?: MentionSpan[];
  /** The entities it names that the map leaves off. */
  offMap?: OffMapEntity[];
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

function emptyColumns(): MapColumns {
  return {
    nodes: {
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
      first: {},
      broader: {},
    },
    edges: { source: [], target: [], type: [], weight: [], count: {}, papers: {}, relation: {} },
  };
}

function addNodeColumn(
  columns: MapColumns,
  key: string,
  a: GraphNodeAttributes,
  first: string | undefined,
): void {
  const { nodes } = columns;
  const i = nodes.key.length;
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
  if (first) nodes.first[i] = first;
  if (a.broader) nodes.broader[i] = a.broader;
}

/** Each entity's first month: the earliest of its papers' dates that give one. */
function firstMonths(graph: KnowledgeGraph): Map<string, string> {
  const months = new Map<string, string>();
  graph.forEachNode((node, { type }) => {
    if (type === "paper") return;
    let first: string | undefined;
    graph.forEachNeighbor(node, (_, { type: t, date }) => {
      const month = t === "paper" ? monthOf(date) : undefined;
      if (month && (!first || month < first)) first = month;
    });
    if (first) months.set(node, first);
  });
  return months;
}

function addEdgeColumn(
  columns: MapColumns,
  source: number,
  target: number,
  a: GraphEdgeAttributes,
): void {
  const { edges } = columns;
  const i = edges.source.length;
  edges.source.push(source);
  edges.target.push(target);
  edges.type.push(EDGE_TYPES.indexOf(a.type));
  edges.weight.push(a.weight);
  if (a.count !== undefined) edges.count[i] = a.count;
  if (a.papers) edges.papers[i] = a.papers;
  if (a.relation) edges.relation[i] = a.relation;
}

/** Adds a point to the running sum of its group. */
function addTo<K>(
  sums: Map<K, { x: number; y: number; n: number }>,
  key: K,
  x: number,
  y: number,
): void {
  const sum = sums.get(key);
  if (sum) Object.assign(sum, { x: sum.x + x, y: sum.y + y, n: sum.n + 1 });
  else sums.set(key, { x, y, n: 1 });
}

/**
 * What a large build keeps out of its graph (its tail: entities one paper alone names, each with
 * its edge) that the viewer still opens from a paper: how many, and each paper's as drawn.
 */
export interface ViewerTail {
  nodes: number;
  edges: number;
  ofPaper(paper: string): OffMapEntity[];
}

const NO_VIEWER_TAIL: ViewerTail = { nodes: 0, edges: 0, ofPaper: () => [] };

/** Whether the map leaves this node off: an entity of a large graph that one paper alone names. */
function offMapTest(graph: KnowledgeGraph, from: number, tail: ViewerTail) {
  return (a: GraphNodeAttributes) =>
    a.type !== "paper" && offMap(graph.order + tail.nodes, a.paperCount ?? 1, from);
}

/** What the viewer needs to know of a whole graph (its tail included) to draw its overview first. */
export function wholeGraph(
  graph: KnowledgeGraph,
  offMapFrom = OFF_MAP_FROM,
  tail = NO_VIEWER_TAIL,
): WholeGraph {
  const isOffMap = offMapTest(graph, offMapFrom, tail);
  let offMapCount = tail.nodes;
  const entityCounts: number[] = [];
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  const sums = new Map<number, { x: number; y: number; n: number }>();
  const hubs = new Map<string, { x: number; y: number; papers: number }>();
  graph.forEachNode((_, a) => {
    const { type, paperCount, x, y, thread, subthread } = a;
    if (isOffMap(a)) {
      offMapCount++;
      return;
    }
    if (type !== "paper") entityCounts.push(paperCount ?? 1);
    [minX, maxX, minY, maxY] = [
      Math.min(minX, x),
      Math.max(maxX, x),
      Math.min(minY, y),
      Math.max(maxY, y),
    ];
    if (thread < 0) return;
    addTo(sums, thread, x, y);
    if (!subthread || type === "paper") return;
    const path = subthread.split(".").slice(0, 2).join(".");
    const papers = paperCount ?? 0;
    if (papers > (hubs.get(path)?.papers ?? -1)) hubs.set(path, { x, y, papers });
  });
  const extent: WholeGraph["extent"] =
    graph.order === 0 ? { x: [0, 1], y: [0, 1] } : { x: [minX, maxX], y: [minY, maxY] };
  const centres: WholeGraph["centres"] = {};
  for (const [thread, { x, y, n }] of [...sums].sort((a, b) => a[0] - b[0]))
    centres[thread] = [x / n, y / n];
  const subcentres: WholeGraph["subcentres"] = {};
  for (const [path, { x, y }] of [...hubs].sort(([a], [b]) =>
    a.localeCompare(b, "en", { numeric: true }),
  ))
    subcentres[path] = [x, y];
  return {
    order: graph.order + tail.nodes,
    size: graph.size + tail.edges,
    minPapers: defaultMinPapers(entityCounts),
    offMap: offMapCount,
    extent,
    centres,
    subcentres,
  };
}

/**
 * The viewer's map of a graph, and on a large graph (papers shown only on zoom) the rest: the
 * overview is the entities named by at least the default number of papers and the edges between
 * them, exactly what the viewer shows before anything is opened.
 */
export function viewerMaps(
  graph: KnowledgeGraph,
  offMapFrom = OFF_MAP_FROM,
  tail = NO_VIEWER_TAIL,
): { map: ViewerMap; rest: ViewerMapRest | null } {
  const whole = wholeGraph(graph, offMapFrom, tail);
  const isOffMap = offMapTest(graph, offMapFrom, tail);
  const split = whole.order > PAPERS_ON_ZOOM_FROM;
  const inOverview = (a: GraphNodeAttributes) =>
    !split || (a.type !== "paper" && (a.paperCount ?? 1) >= whole.minPapers);
  const overview = emptyColumns();
  const rest = emptyColumns();
  const index = new Map<string, number>();
  const months = firstMonths(graph);
  graph.forEachNode((key, a) => {
    if (!inOverview(a) || isOffMap(a)) return;
    index.set(key, index.size);
    addNodeColumn(overview, key, a, months.get(key));
  });
  graph.forEachNode((key, a) => {
    if (inOverview(a) || isOffMap(a)) return;
    index.set(key, index.size);
    addNodeColumn(rest, key, a, months.get(key));
  });
  const first = overview.nodes.key.length;
  graph.forEachEdge((_, a, source, target) => {
    const [s, t] = [index.get(source), index.get(target)];
    if (s === undefined || t === undefined) return;
    addEdgeColumn(s < first && t < first ? overview : rest, s, t, a);
  });
  return {
    map: {
      format: VIEWER_MAP_FORMAT,
      attributes: graph.getAttributes(),
      nodeTypes: NODE_TYPES,
      edgeTypes: EDGE_TYPES,
      ...overview,
      whole,
      rest: split ? MAP_REST_FILE : null,
      shards: shardCount(graph),
    },
    rest: split ? { format: VIEWER_MAP_REST_FORMAT, ...rest } : null,
  };
}

/** The entities a paper names that the map leaves off, each with its node and its edge. */
function offMapEntities(
  graph: KnowledgeGraph,
  paper: string,
  isOffMap: (a: GraphNodeAttributes) => boolean,
  tail: ViewerTail,
): OffMapEntity[] | undefined {
  const entities: OffMapEntity[] = tail.ofPaper(paper);
  graph.forEachEdge(paper, (_, edge, source, target, sourceAttributes, targetAttributes) => {
    const [key, attributes] =
      source === paper ? [target, targetAttributes] : [source, sourceAttributes];
    if (isOffMap(attributes)) entities.push({ key, attributes, edge });
  });
  return entities.length > 0 ? entities : undefined;
}

/**
 * The papers' details by shard, each shard made when asked for: a writer holds one shard's
 * abstracts at a time, not the corpus's. `chunks` is a shard's JSON as JSON.stringify writes it,
 * made paper by paper as it is written.
 */
export function viewerDetailShards(
  graph: KnowledgeGraph,
  offMapFrom = OFF_MAP_FROM,
  tail = NO_VIEWER_TAIL,
  texts?: PaperTexts,
): {
  count: number;
  shard: (index: number) => Record<string, PaperDetails>;
  chunks: (index: number) => Generator<string>;
} {
  const isOffMap = offMapTest(graph, offMapFrom, tail);
  const count = shardCount(graph);
  const papers: string[][] = Array.from({ length: count }, () => []);
  graph.forEachNode((key, a) => {
    if (a.type === "paper") papers[detailsShard(key, count)]?.push(key);
  });
  const details = (key: string): PaperDetails => {
    const attributes = graph.getNodeAttributes(key);
    const { abstract, url, authors, sources, mentions, date } = {
      ...attributes,
      ...texts?.of(key),
    };
    // An entity off the map is named by this paper alone: it first appeared when the paper did.
    const first = monthOf(date);
    const offMap = offMapEntities(graph, key, isOffMap, tail)?.map((entity) =>
      first ? { ...entity, attributes: { ...entity.attributes, first } } : entity,
    );
    return { abstract, url, authors, sources, mentions, offMap };
  };
  return {
    count,
    shard: (index) => Object.fromEntries((papers[index] ?? []).map((key) => [key, details(key)])),
    *chunks(index) {
      yield "{";
      yield* commaSeparated(
        papers[index] ?? [],
        (key) => `${JSON.stringify(key)}:${JSON.stringify(details(key))}`,
      );
      yield "}";
    },
  };
}

/** Every paper's details, by shard: shard → paper key → details. */
export function viewerDetails(
  graph: KnowledgeGraph,
  offMapFrom = OFF_MAP_FROM,
): Record<string, PaperDetails>[] {
  const { count, shard } = viewerDetailShards(graph, offMapFrom);
  return Array.from({ length: count }, (_, i) => shard(i));
}

/** Adds a map's columns to a graph; edge ends index `keys`, the nodes of every part so far. */
function addColumns(
  graph: KnowledgeGraph,
  map: Pick<ViewerMap, "nodeTypes" | "edgeTypes">,
  { nodes, edges }: MapColumns,
  keys: readonly string[],
): void {
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
    const first = nodes.first?.[i];
    if (first) attributes.first = first;
    const broader = nodes.broader?.[i];
    if (broader) attributes.broader = broader;
    graph.addNode(key, attributes);
  });
  edges.source.forEach((s, i) => {
    const [source, target] = [keys[s] as string, keys[edges.target[i] as number] as string];
    const type = map.edgeTypes[edges.type[i] as number] as GraphEdgeAttributes["type"];
    const attributes: GraphEdgeAttributes = { type, weight: edges.weight[i] as number };
    if (edges.count[i] !== undefined) attributes.count = edges.count[i];
    if (edges.papers[i]) attributes.papers = edges.papers[i];
    if (edges.relation[i]) attributes.relation = edges.relation[i] as InvarianceRelation;
    graph.addEdgeWithKey(edgeKey(source, target, type), source, target, attributes);
  });
}

/** The graph of a map file: nodes and edges from their columns, details (and any rest) to come. */
export function graphFromMap(map: ViewerMap): KnowledgeGraph {
  const graph: KnowledgeGraph = new Graph({
    type: "undirected",
    multi: false,
    allowSelfLoops: false,
  });
  graph.replaceAttributes(map.attributes);
  addColumns(graph, map, map, map.nodes.key);
  return graph;
}

/** Adds the rest of a map (what its overview left out) to the graph of its overview. */
export function addMapRest(graph: KnowledgeGraph, map: ViewerMap, rest: ViewerMapRest): void {
  if (rest.format !== VIEWER_MAP_REST_FORMAT)
    throw new Error(`${map.rest}: not a map's rest (format ${String(rest.format)})`);
  addColumns(graph, map, rest, [...map.nodes.key, ...rest.nodes.key]);
}
