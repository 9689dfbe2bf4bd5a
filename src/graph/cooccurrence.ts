import type { Extraction } from "../types.js";
import { type KnowledgeGraph, paperNodeId } from "./build.js";

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

/** Adds a weighted `cooccurs` edge between entities named together by enough papers. */
export function addCooccurrence(
  graph: KnowledgeGraph,
  extraction: Extraction,
  options = DEFAULT_COOCCURRENCE,
): void {
  const pairs = new Map<string, string[]>();
  for (const { paper, mentions } of extraction.papers) {
    const entities = [...new Set(mentions.map((m) => m.entityId))]
      .filter((id) => graph.hasNode(id))
      .sort();
    for (let i = 0; i < entities.length; i++) {
      for (let j = i + 1; j < entities.length; j++) {
        const key = `${entities[i]}|${entities[j]}`;
        const papers = pairs.get(key);
        if (papers) papers.push(paper.id);
        else pairs.set(key, [paper.id]);
      }
    }
  }
  const total = extraction.papers.length;
  for (const [key, papers] of [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (papers.length < options.minCount) continue;
    const [a, b] = key.split("|") as [string, string];
    const countOf = (node: string) => graph.getNodeAttribute(node, "paperCount") ?? 1;
    const weight = npmi(papers.length, countOf(a), countOf(b), total);
    if (weight <= 0) continue;
    graph.addEdgeWithKey(`${a}<->${b}`, a, b, {
      type: "cooccurs",
      weight: Math.round(weight * 1e4) / 1e4,
      count: papers.length,
      papers: papers.slice(0, options.maxPapers).map(paperNodeId),
    });
  }
}
