/**
 * A build folder on disk: what `build` and `add` write (graph.json for the viewer, graph.gexf for
 * Gephi, threads.json, and the cache of analyses) and what the queries and exports read back.
 */
import { readdir, readFile, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import Graph from "graphology";
import type { GraphOptions, SerializedEdge, SerializedNode } from "graphology-types";
import { NoBuildError, PapergraphError } from "./errors.js";
import {
  gexfFileData,
  jsonChunks,
  MAP_REST_FILE,
  type ViewerTail,
  viewerDetailShards,
  viewerMaps,
} from "./export/index.js";
import {
  edgeKey,
  type KnowledgeGraph,
  NO_TAIL,
  type PaperTexts,
  type Tail,
  tailNodes,
} from "./graph/index.js";
import { inputFiles } from "./ingest/index.js";
import {
  jsonChunksOf,
  readJsonObject,
  removeStaleTemporaries,
  writeFilesAtomic,
} from "./io/index.js";
import type {
  GraphAttributes,
  GraphEdgeAttributes,
  GraphNodeAttributes,
  ThreadReport,
} from "./types.js";

export const GRAPH_FILE = "graph.json";
export const GEXF_FILE = "graph.gexf";
export const THREADS_FILE = "threads.json";
/** The viewer's own files: the map it draws first, and the papers' details by shard. */
export const MAP_FILE = "map.json";
export const DETAILS_DIR = "details";

/** A built graph's file, or an error that says how to build one. */
async function readBuilt(dir: string, file: string, cwd: string): Promise<string> {
  try {
    return await readFile(join(resolve(cwd, dir), file), "utf8");
  } catch {
    throw new NoBuildError(dir, `${file}: no built graph here`);
  }
}

function parseJson<T>(text: string, where: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new PapergraphError(
      `${where}: not a papergraph build file (${(error as Error).message})`,
    );
  }
}

/**
 * The knowledge graph of a build folder, read as a stream: node by node and edge by edge, so a
 * graph.json past what one string holds (150,000 papers: 860 MB) reads as a small one does.
 */
export async function loadGraph(dir: string, cwd = "."): Promise<KnowledgeGraph> {
  const path = join(resolve(cwd, dir), GRAPH_FILE);
  if (!(await stat(path).catch(() => undefined))?.isFile())
    throw new NoBuildError(dir, `${GRAPH_FILE}: no built graph here`);
  let graph: KnowledgeGraph | undefined;
  const made = () => {
    if (!graph) throw new Error("its nodes come before its options");
    return graph;
  };
  try {
    await readJsonObject(path, {
      onMember(name, value) {
        if (name === "options") graph = new Graph(value as GraphOptions) as KnowledgeGraph;
        else if (name === "attributes") made().replaceAttributes(value as GraphAttributes);
      },
      onItem(name, item) {
        if (name === "nodes") {
          const { key, attributes } = item as SerializedNode<GraphNodeAttributes>;
          made().addNode(key, attributes ?? ({} as GraphNodeAttributes));
        } else if (name === "edges") {
          const { source, target, attributes } = item as SerializedEdge<GraphEdgeAttributes>;
          const edge = attributes ?? ({} as GraphEdgeAttributes);
          made().addEdgeWithKey(edgeKey(source, target, edge.type), source, target, edge);
        }
      },
    });
  } catch (error) {
    throw new PapergraphError(
      `${join(dir, GRAPH_FILE)}: not a papergraph build file (${(error as Error).message})`,
    );
  }
  return made();
}

/** The research threads of a build folder. */
export async function loadThreads(dir: string, cwd = "."): Promise<ThreadReport> {
  const text = await readBuilt(dir, THREADS_FILE, cwd);
  return parseJson<ThreadReport>(text, join(dir, THREADS_FILE));
}

async function mtime(path: string): Promise<number | undefined> {
  return (await stat(path).catch(() => undefined))?.mtimeMs;
}

/** True when a build folder has no graph, or one older than any of the input files. */
export async function isBuildStale(
  dir: string,
  inputs: readonly string[],
  cwd = ".",
): Promise<boolean> {
  const built = await mtime(join(resolve(cwd, dir), GRAPH_FILE));
  if (built === undefined) return true;
  for (const file of await inputFiles(inputs, cwd))
    if (((await mtime(file)) ?? 0) > built) return true;
  return false;
}

/** A build's tail as the viewer opens it from a paper: each entity drawn beside its paper. */
function viewerTail(graph: KnowledgeGraph, tail: Tail): ViewerTail {
  return {
    nodes: tail.summary.nodes,
    // One edge each, to its paper.
    edges: tail.summary.nodes,
    ofPaper: (paper) =>
      tailNodes(graph, paper, tail.ofPaper(paper)).map(({ entity, attributes }) => ({
        key: entity.id,
        attributes,
        edge: entity.edge,
      })),
  };
}

/**
 * Every output of a build, staged and renamed at once: a failure leaves the previous ones.
 * `meanwhile` is work for this thread while the GEXF is written on another (the search index).
 * The tail a large build kept out of its graph is written into graph.json and the viewer's
 * details, GEXF leaves it out and says so; its papers' texts, kept apart too, are put back.
 */
export async function writeBuildFiles(
  dir: string,
  graph: KnowledgeGraph,
  threads: ThreadReport,
  {
    offMapFrom,
    tail = NO_TAIL,
    texts,
  }: { offMapFrom?: number; tail?: Tail; texts?: PaperTexts } = {},
  meanwhile?: () => void,
): Promise<void> {
  await removeStaleTemporaries(dir);
  const inViewer = viewerTail(graph, tail);
  const details = viewerDetailShards(graph, offMapFrom, inViewer, texts);
  const { map, rest } = viewerMaps(graph, offMapFrom, inViewer);
  await writeFilesAtomic(
    [
      [join(dir, GRAPH_FILE), jsonChunks(graph, { tail, texts })],
      [join(dir, GEXF_FILE), gexfFileData(graph, tail.summary.nodes)],
      [join(dir, THREADS_FILE), `${JSON.stringify(threads, null, 2)}\n`],
      [join(dir, MAP_FILE), jsonChunksOf(map)],
      ...(rest ? [[join(dir, MAP_REST_FILE), jsonChunksOf(rest)] as const] : []),
      // Each shard is made paper by paper as it is written.
      ...Array.from(
        { length: details.count },
        (_, i) => [join(dir, DETAILS_DIR, `${i}.json`), details.chunks(i)] as const,
      ),
    ],
    meanwhile,
  );
  // A rest a larger build left, and shards past this build's count, are no longer read: removed.
  if (!rest) await rm(join(dir, MAP_REST_FILE), { force: true });
  const shards = await readdir(join(dir, DETAILS_DIR)).catch(() => []);
  for (const name of shards) {
    const shard = /^(\d+)\.json$/.exec(name);
    if (shard && Number(shard[1]) >= details.count) await rm(join(dir, DETAILS_DIR, name));
  }
}
