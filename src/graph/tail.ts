/**
 * The long tail: entities one paper alone names. On a large graph they are most of its nodes
 * (295,000 of 412,000 at 74,722 arXiv papers) and none of what is drawn, so a build past
 * TAIL_FROM nodes keeps them out of its in-memory graph: they are split off after extraction,
 * kept where the caller puts them (the build's store), and read back one paper's at a time or all
 * in order as the outputs are written.
 */
import type { Extraction, GraphEdgeAttributes, GraphNodeAttributes, TailEntity } from "../types.js";
import { type KnowledgeGraph, paperEdges, paperNodeId, UNSPECIFIED_INVARIANCE } from "./build.js";
import { nodeSize } from "./layout.js";
import { offMap, TAIL_FROM } from "./off-map.js";
import { threadColor } from "./threads.js";

/** How many tail entities there are, of each type, and their paper → entity edges by type. */
export interface TailSummary {
  nodes: number;
  nodesByType: Partial<Record<TailEntity["type"], number>>;
  edgesByType: Partial<Record<GraphEdgeAttributes["type"], number>>;
}

/** Where a build keeps its tail: all of it in the order it was split off, or one paper's. */
export interface Tail {
  summary: TailSummary;
  all(): Iterable<TailEntity>;
  /** The tail entities a paper names, by its node. */
  ofPaper(paper: string): TailEntity[];
}

export function summarizeTail(tail: readonly TailEntity[]): TailSummary {
  const summary: TailSummary = { nodes: tail.length, nodesByType: {}, edgesByType: {} };
  for (const { type, edge } of tail) {
    summary.nodesByType[type] = (summary.nodesByType[type] ?? 0) + 1;
    summary.edgesByType[edge.type] = (summary.edgesByType[edge.type] ?? 0) + 1;
  }
  return summary;
}

/** A tail held in memory: a small build's (empty), or a build without a store. */
export function tailInMemory(tail: readonly TailEntity[]): Tail {
  const byPaper = new Map<string, TailEntity[]>();
  for (const entity of tail) {
    const list = byPaper.get(entity.paper);
    if (list) list.push(entity);
    else byPaper.set(entity.paper, [entity]);
  }
  return {
    summary: summarizeTail(tail),
    all: () => tail,
    ofPaper: (paper) => byPaper.get(paper) ?? [],
  };
}

export const NO_TAIL: Tail = tailInMemory([]);

/**
 * The extraction with the entities one paper alone names taken out when the graph would be past
 * `from` nodes (as `offMap` decides), and those entities with their paper → entity edges, in the
 * extraction's order. Below `from`, the extraction as it is and no tail.
 */
export function splitTail(
  extraction: Extraction,
  from = TAIL_FROM,
): { extraction: Extraction; tail: TailEntity[] } {
  const entities = extraction.entities.filter((e) => e.id !== UNSPECIFIED_INVARIANCE);
  const order = extraction.papers.length + entities.length;
  const inTail = (paperCount: number) => offMap(order, paperCount, from);
  const tailEntities = new Map(
    entities.filter((e) => inTail(e.papers.length)).map((e) => [e.id, e]),
  );
  if (tailEntities.size === 0) return { extraction, tail: [] };
  const tail: TailEntity[] = [];
  for (const { paper, mentions } of extraction.papers)
    for (const [entityId, edge] of paperEdges(paper, mentions)) {
      const entity = tailEntities.get(entityId);
      if (!entity) continue;
      const { id, type, name, aliases } = entity;
      tail.push({ id, type, name, aliases, paper: paperNodeId(paper.id), edge });
    }
  return {
    extraction: {
      papers: extraction.papers,
      entities: extraction.entities.filter((e) => !tailEntities.has(e.id)),
    },
    tail,
  };
}

/**
 * Where a paper's tail entities stand: on a ring around the paper, half way to its nearest
 * neighbour on the map (or at one unit where it has none), in its thread and sub-thread.
 */
export function tailNodes(
  graph: KnowledgeGraph,
  paper: string,
  entities: readonly TailEntity[],
): { entity: TailEntity; attributes: GraphNodeAttributes }[] {
  if (entities.length === 0) return [];
  const at = graph.getNodeAttributes(paper);
  let nearest = Infinity;
  graph.forEachNeighbor(paper, (_, { x, y }) => {
    nearest = Math.min(nearest, Math.hypot(x - at.x, y - at.y));
  });
  const radius = Number.isFinite(nearest) && nearest > 0 ? nearest / 2 : 1;
  return entities.map((entity, k) => {
    const angle = (2 * Math.PI * k) / entities.length;
    const attributes: GraphNodeAttributes = {
      type: entity.type,
      label: entity.name,
      aliases: entity.aliases,
      paperCount: 1,
      thread: at.thread,
      color: threadColor(at.thread),
      size: nodeSize(entity.type, 1, 1),
      x: Math.round((at.x + radius * Math.cos(angle)) * 100) / 100,
      y: Math.round((at.y + radius * Math.sin(angle)) * 100) / 100,
    };
    if (at.subthread) attributes.subthread = at.subthread;
    return { entity, attributes };
  });
}

/**
 * Every tail entity with its node's attributes, paper by paper: a paper's tail entities come
 * together, as they were split off.
 */
export function* placedTail(
  graph: KnowledgeGraph,
  tail: Tail,
): Generator<{ entity: TailEntity; attributes: GraphNodeAttributes }> {
  let paper: string | undefined;
  let group: TailEntity[] = [];
  for (const entity of tail.all()) {
    if (entity.paper !== paper) {
      if (paper !== undefined) yield* tailNodes(graph, paper, group);
      paper = entity.paper;
      group = [];
    }
    group.push(entity);
  }
  if (paper !== undefined) yield* tailNodes(graph, paper, group);
}
