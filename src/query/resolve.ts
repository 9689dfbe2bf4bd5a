import { distance } from "fastest-levenshtein";
import { entityKey } from "../extract/index.js";
import type { KnowledgeGraph } from "../graph/index.js";
import type { NodeType } from "../types.js";

export interface ConceptRef {
  id: string;
  label: string;
  type: NodeType;
}

export type Resolution =
  | { found: ConceptRef; how: "id" | "name" | "alias" | "spelling" | "most named" }
  | { found?: undefined; ambiguous: boolean; suggestions: ConceptRef[] };

/**
 * How many times more papers the entity most named by a name must have than any other that goes by
 * it to be the one meant. At 10,000 arXiv papers "LLMs" means large language models (2,640 papers;
 * next, 347 that define "MLLMs" or "LLMs" as multimodal ones) and "SAM" the Segment Anything Model
 * (83 against 9); "SSL" (85 self-supervised, 36 semi-supervised) and "AD" (234 autonomous driving,
 * 69 anomaly detection) stay ambiguous.
 */
const DOMINANT = 5;

const TYPED = /^(paper|method|dataset|task|invariance):(.+)$/;

function refOf(graph: KnowledgeGraph, id: string): ConceptRef {
  const { label, type } = graph.getNodeAttributes(id);
  return { id, label, type };
}

/** Every name a node goes by, as keys: its label and its aliases. */
function namesOf(graph: KnowledgeGraph, id: string): { key: string; alias: boolean }[] {
  const { label, aliases } = graph.getNodeAttributes(id);
  return [
    { key: entityKey(label), alias: false },
    ...(aliases ?? []).map((a) => ({ key: entityKey(a), alias: true })),
  ];
}

/** The edit distance a query may be off by and still count as a close spelling: 1, or 1 per 5 letters. */
function tolerance(key: string): number {
  return Math.max(1, Math.floor(key.length / 5));
}

/**
 * Finds the node a user means: exactly by id ("invariance:rotation"), by name or alias ("IRM",
 * "graph neural networks"), or by close spelling ("contrastiv learning"). Several equally good
 * matches, or none, give suggestions instead.
 */
export function resolveConcept(graph: KnowledgeGraph, query: string): Resolution {
  const trimmed = query.trim();
  if (graph.hasNode(trimmed)) return { found: refOf(graph, trimmed), how: "id" };
  const typed = TYPED.exec(trimmed);
  const type = typed?.[1] as NodeType | undefined;
  const key = entityKey(typed ? (typed[2] as string) : trimmed);
  const candidates = graph.filterNodes((_, a) => !type || a.type === type);
  const scored = candidates.map((id) => {
    const names = namesOf(graph, id);
    const exact = names.find((n) => n.key === key);
    const nearest = Math.min(...names.map((n) => distance(n.key, key)));
    return { id, exact, nearest };
  });
  const exact = scored.filter((s) => s.exact);
  if (exact.length === 1) {
    const [match] = exact as [(typeof exact)[number]];
    return { found: refOf(graph, match.id), how: match.exact?.alias ? "alias" : "name" };
  }
  const dominant = mostNamed(
    graph,
    exact.map((s) => s.id),
  );
  if (dominant) return { found: refOf(graph, dominant), how: "most named" };
  if (exact.length > 1)
    return {
      ambiguous: true,
      suggestions: exact.map((s) => refOf(graph, s.id)).sort(byTypeThenLabel),
    };
  const nearest = scored.sort((a, b) => a.nearest - b.nearest || a.id.localeCompare(b.id));
  const best = nearest[0];
  if (
    best &&
    best.nearest <= tolerance(key) &&
    (nearest[1]?.nearest ?? Number.POSITIVE_INFINITY) > best.nearest
  ) {
    return { found: refOf(graph, best.id), how: "spelling" };
  }
  return { ambiguous: false, suggestions: nearest.slice(0, 5).map((s) => refOf(graph, s.id)) };
}

/** The entity of these that DOMINANT times more papers name than any other, if there is one. */
function mostNamed(graph: KnowledgeGraph, ids: readonly string[]): string | undefined {
  if (ids.some((id) => graph.getNodeAttribute(id, "type") === "paper")) return undefined;
  const named = ids
    .map((id) => ({ id, papers: graph.getNodeAttribute(id, "paperCount") ?? 0 }))
    .sort((a, b) => b.papers - a.papers);
  const [first, second] = named;
  if (!first || !second || first.papers < DOMINANT * second.papers) return undefined;
  return first.id;
}

function byTypeThenLabel(a: ConceptRef, b: ConceptRef): number {
  return a.type.localeCompare(b.type) || a.label.localeCompare(b.label);
}
