/**
 * Which papers name which entities, and when: what link prediction reads of a built graph. Entities
 * are numbered by type (methods, then datasets, tasks and invariances), so that each type is one
 * range of numbers and a sorted list of neighbours holds each type as one stretch.
 */
import type { KnowledgeGraph } from "../graph/index.js";
import { ENTITY_TYPES, type EntityType } from "../types.js";

export interface Incidence {
  /** Entity ids, labels and types, by number. */
  ids: string[];
  labels: string[];
  types: EntityType[];
  /** The numbers of each type: [start, end). */
  ranges: Record<EntityType, [number, number]>;
  /** Each paper's date ("" where it has none), id and entity numbers, in graph order. */
  papers: { id: string; date: string; entities: Int32Array }[];
}

/** The papers and entities of a graph as numbers. */
export function incidenceOf(graph: KnowledgeGraph): Incidence {
  const byType = new Map<EntityType, string[]>(ENTITY_TYPES.map((t) => [t, []]));
  graph.forEachNode((node, { type }) => {
    if (type !== "paper") byType.get(type)?.push(node);
  });
  const ids: string[] = [];
  const types: EntityType[] = [];
  const ranges = {} as Record<EntityType, [number, number]>;
  for (const type of ENTITY_TYPES) {
    const start = ids.length;
    for (const id of byType.get(type) as string[]) {
      ids.push(id);
      types.push(type);
    }
    ranges[type] = [start, ids.length];
  }
  const number = new Map(ids.map((id, i) => [id, i]));
  const labels = ids.map((id) => graph.getNodeAttribute(id, "label"));
  const papers: Incidence["papers"] = [];
  graph.forEachNode((node, { type, date }) => {
    if (type !== "paper") return;
    const entities: number[] = [];
    graph.forEachNeighbor(node, (neighbour) => {
      const n = number.get(neighbour);
      if (n !== undefined) entities.push(n);
    });
    papers.push({
      id: node,
      date: date ?? "",
      entities: Int32Array.from(entities.sort((a, b) => a - b)),
    });
  });
  return { ids, labels, types, ranges, papers };
}
