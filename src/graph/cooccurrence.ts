import type { Extraction } from "../types.js";
import { edgeKey, type KnowledgeGraph, paperNodeId } from "./build.js";

export interface CooccurrenceOptions {
  /** Fewest papers two entities must share for an edge. */
  minCount: number;
  /** Most supporting paper ids kept on an edge (the count stays exact). */
  maxPapers: number;
}

export const DEFAULT_COOCCURRENCE: CooccurrenceOptions = { minCount: 2, maxPapers: 50 };

/**
 * Normalised pointwise mutual information of two entities over N papers: 1 when they always
 * appear together, 0 when independent. Unlike raw counts it does not let hubs ("neural network")
 * tie themselves to everything.
 */
export function npmi(together: number, countA: number, countB: number, papers: number): number {
  const pAB = together / papers;
  if (pAB >= 1) return 1;
  return Math.log(pAB / ((countA / papers) * (countB / papers))) / -Math.log(pAB);
}

/**
 * How strong and how well supported a link is, to rank links a reader reads first: its weight
 * (NPMI for a co-occurrence) grown with the logarithm of the papers behind it. Two entities named
 * together by 43 papers at 0.55 rank above two named together by 2 at 0.57, while a hub named
 * with everything (NPMI near 0) stays low however many papers name it.
 */
export function linkStrength(weight: number, papers: number): number {
  return weight * Math.log2(1 + papers);
}

/** Entities (graph nodes only) of each paper, as indices into `ids`, which is sorted. */
function entityPostings(graph: KnowledgeGraph, extraction: Extraction) {
  const ids = [...new Set(extraction.papers.flatMap((p) => p.mentions.map((m) => m.entityId)))]
    .filter((id) => graph.hasNode(id))
    .sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const paperEntities = extraction.papers.map(({ mentions }) => {
    const entities = new Set<number>();
    for (const m of mentions) {
      const i = index.get(m.entityId);
      if (i !== undefined) entities.add(i);
    }
    return [...entities];
  });
  // Papers of each entity, in extraction order.
  const papersOf: number[][] = ids.map(() => []);
  paperEntities.forEach((entities, paper) => {
    for (const e of entities) papersOf[e]?.push(paper);
  });
  return { ids, paperEntities, papersOf };
}

/**
 * Adds a weighted `cooccurs` edge between entities named together by enough papers. Pairs are
 * counted one entity at a time over its papers (a sparse product), never all held at once: a
 * 100,000-paper corpus names tens of millions of pairs, most of them once.
 */
export function addCooccurrence(
  graph: KnowledgeGraph,
  extraction: Extraction,
  options = DEFAULT_COOCCURRENCE,
): void {
  const { ids, paperEntities, papersOf } = entityPostings(graph, extraction);
  const total = extraction.papers.length;
  const paperCount = ids.map((id) => graph.getNodeAttribute(id, "paperCount") ?? 1);
  // Node ids made once: an edge's papers share these strings rather than each making its own.
  const paperNodes = extraction.papers.map(({ paper }) => paperNodeId(paper.id));
  const together = new Int32Array(ids.length);
  const shared: number[][] = ids.map(() => []);
  for (let a = 0; a < ids.length; a++) {
    const partners: number[] = [];
    for (const paper of papersOf[a] as number[]) {
      for (const b of paperEntities[paper] as number[]) {
        if (b <= a) continue;
        if (together[b] === 0) partners.push(b);
        together[b] = (together[b] as number) + 1;
        const papers = shared[b] as number[];
        if (papers.length < options.maxPapers) papers.push(paper);
      }
    }
    for (const b of partners.sort((x, y) => x - y)) {
      const count = together[b] as number;
      const weight = npmi(count, paperCount[a] as number, paperCount[b] as number, total);
      if (count >= options.minCount && weight > 0) {
        const [source, target] = [ids[a] as string, ids[b] as string];
        graph.addEdgeWithKey(edgeKey(source, target, "cooccurs"), source, target, {
          type: "cooccurs",
          weight: Math.round(weight * 1e4) / 1e4,
          count,
          papers: (shared[b] as number[]).map((p) => paperNodes[p] as string),
        });
      }
      together[b] = 0;
      (shared[b] as number[]).length = 0;
    }
  }
}
