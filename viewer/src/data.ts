import type Graph from "graphology";
import {
  addMapRest,
  detailsShard,
  graphFromMap,
  type OffMapEntity,
  type PaperDetails,
  VIEWER_MAP_FORMAT,
  type ViewerMap,
  type ViewerMapRest,
  type WholeGraph,
  wholeGraph,
} from "../../src/export/viewer-data.js";
import { edgeKey, type KnowledgeGraph } from "../../src/graph/build.js";
import { graphFromJson, type SerializedKnowledgeGraph } from "../../src/graph/serialize.js";
import type {
  GraphAttributes,
  GraphEdgeAttributes,
  GraphNodeAttributes,
  ThreadReport,
} from "../../src/types.js";

export type ViewerGraph = Graph<GraphNodeAttributes, GraphEdgeAttributes, GraphAttributes>;

export interface ViewerData {
  /** The map's overview on a large build, the whole graph otherwise. */
  graph: ViewerGraph;
  /** What the first frame needs to know of the whole graph. */
  whole: WholeGraph;
  /** Adds to the graph what its overview left out; at once when there is nothing to add. */
  loadRest: () => Promise<void>;
  threads: ThreadReport;
  /** Fetches the details (abstract, mentions, authors) of these papers, once each. */
  loadDetails: (papers: readonly string[]) => Promise<void>;
}

/** What an offline export embeds: the map, every details shard, and the threads. */
export interface EmbeddedPayload {
  map: ViewerMap;
  details: Record<string, PaperDetails>[];
  threads: ThreadReport;
}

/** The id of the script element that carries the graph in a self-contained HTML export. */
export const EMBEDDED_DATA_ID = "papergraph-data";
/** The id of the script element that carries a large map's rest, parsed after the first frame. */
const EMBEDDED_REST_ID = "papergraph-rest";

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

/**
 * An entity the map left off, put on it beside its paper now that the paper's details are here:
 * from then on it is highlighted in the abstract, listed and opened as any other.
 */
function putOnMap(
  graph: ViewerGraph,
  paper: string,
  { key, attributes, edge }: OffMapEntity,
): void {
  if (!graph.hasNode(key)) graph.addNode(key, attributes);
  const id = edgeKey(paper, key, edge.type);
  if (!graph.hasEdge(id)) graph.addEdgeWithKey(id, paper, key, edge);
}

/**
 * Details from shards (fetched, or embedded), merged into the papers' nodes when first asked for,
 * with the entities of theirs the map left off.
 */
function detailsLoader(
  graph: ViewerGraph,
  shards: number,
  fetchShard: (shard: number) => Promise<Record<string, PaperDetails>>,
): ViewerData["loadDetails"] {
  const loaded = new Map<number, Promise<void>>();
  const load = (shard: number) => {
    let pending = loaded.get(shard);
    if (!pending) {
      pending = fetchShard(shard).then((papers) => {
        for (const [key, { offMap, ...details }] of Object.entries(papers)) {
          if (!graph.hasNode(key)) continue;
          graph.mergeNodeAttributes(key, details);
          for (const entity of offMap ?? []) putOnMap(graph, key, entity);
        }
      });
      loaded.set(shard, pending);
    }
    return pending;
  };
  return async (papers) => {
    const needed = new Set(papers.map((paper) => detailsShard(paper, shards)));
    await Promise.all([...needed].map(load));
  };
}

/** The viewer's data of a map, its rest fetched (or taken from the page) when asked for. */
function fromMap(
  map: ViewerMap,
  threads: ThreadReport,
  fetchRest: () => Promise<ViewerMapRest | null>,
  fetchShard: (shard: number) => Promise<Record<string, PaperDetails>>,
): ViewerData {
  const graph = graphFromMap(map) as unknown as ViewerGraph;
  let rest: Promise<void> | undefined;
  const loadRest = () => {
    rest ??= fetchRest().then((part) => {
      if (part) addMapRest(graph as unknown as KnowledgeGraph, map, part);
    });
    return rest;
  };
  const loadDetails = detailsLoader(graph, map.shards, fetchShard);
  return { graph, whole: map.whole, loadRest, threads, loadDetails };
}

/**
 * The graph embedded in the page (HTML export), or else the build's map.json and threads.json
 * beside it, the rest of a large map and papers' details fetched later.
 */
export async function loadData(): Promise<ViewerData> {
  const embedded = document.getElementById(EMBEDDED_DATA_ID);
  if (embedded?.textContent) {
    const payload = JSON.parse(embedded.textContent) as EmbeddedPayload;
    return fromMap(
      payload.map,
      payload.threads,
      async () => {
        const rest = document.getElementById(EMBEDDED_REST_ID)?.textContent;
        return rest ? (JSON.parse(rest) as ViewerMapRest) : null;
      },
      async (shard) => payload.details[shard] ?? {},
    );
  }
  const [map, threads] = await Promise.all([
    fetchJson<ViewerMap>("map.json").catch(() => undefined),
    fetchJson<ThreadReport>("threads.json"),
  ]);
  // A build written before this map format (or without map.json) is read from graph.json, whole.
  if (map?.format !== VIEWER_MAP_FORMAT) {
    const graph = graphFromJson(await fetchJson<SerializedKnowledgeGraph>("graph.json"));
    return {
      graph: graph as unknown as ViewerGraph,
      whole: wholeGraph(graph),
      loadRest: async () => {},
      threads,
      loadDetails: async () => {},
    };
  }
  return fromMap(
    map,
    threads,
    () => (map.rest ? fetchJson<ViewerMapRest>(map.rest) : Promise.resolve(null)),
    (shard) => fetchJson<Record<string, PaperDetails>>(`details/${shard}.json`),
  );
}
