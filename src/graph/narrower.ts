/**
 * Broader and narrower entities stay two nodes ("pose estimation", "6D object pose estimation";
 * "large language model", "multimodal large language model"): this relates them instead, each
 * narrower entity naming the closest broader one of its type that the graph holds.
 */
import { CLAUSE_OR_POSSESSIVE, entityKey } from "../extract/index.js";
import type { KnowledgeGraph } from "./build.js";

/** Papers a broader entity must be named by: a name of one paper is no class others narrow. */
const BROADER_MIN_PAPERS = 2;

/**
 * Besides a clause or a possessive (CLAUSE_OR_POSSESSIVE: "semantic segmentation of remote
 * sensing" is no remote sensing), two names joined narrow neither: "detection and tracking".
 */
const JOINED = /\s(and|or)\s/i;

/**
 * A name of one word that is a class's own: a compound ("fine-tuning"), a coined name ("ViT",
 * "NeRF") or a short form in capitals ("LLM", "3DGS"), not a head noun however written
 * ("Generation", "FUSION"). An alias counts only as a compound or a short form: "DiffUSion" is a
 * paper's way of writing diffusion.
 */
const COMPOUND = /\S-\S/;
const CAPITALS = /^[A-Z0-9][A-Z0-9]{1,4}s?$/;
const COINED = /^.+[A-Z]/;
const namesAClass = (name: string, isLabel: boolean) =>
  /\s/.test(name.trim()) ||
  COMPOUND.test(name) ||
  CAPITALS.test(name) ||
  (isLabel && COINED.test(name) && /[a-z]/.test(name));

/**
 * Sets `broader` on each method and task whose name ends, at a space, with another entity's name
 * or alias of its type: the longest such name, of an entity that two papers or more name. A
 * broader name of one word must name a class of its own (namesAClass), not be a bare head noun
 * ("detection", "Attention") that hundreds of names end with.
 */
export function linkNarrower(graph: KnowledgeGraph): void {
  const byKey = broaderByKey(graph);
  graph.forEachNode((node, a) => {
    if (
      (a.type !== "method" && a.type !== "task") ||
      CLAUSE_OR_POSSESSIVE.test(a.label) ||
      JOINED.test(a.label)
    )
      return;
    const parts = a.label.trim().split(/\s+/);
    for (let from = 1; from < parts.length; from++) {
      const broader = byKey.get(`${a.type}:${entityKey(parts.slice(from).join(" "))}`);
      if (broader !== undefined && broader !== node) {
        graph.setNodeAttribute(node, "broader", broader);
        return;
      }
    }
  });
}

/**
 * The entities a name may narrow, by type and key of each of their names; where two share a key,
 * the one more papers name (then the first id).
 */
function broaderByKey(graph: KnowledgeGraph): Map<string, string> {
  const byKey = new Map<string, { id: string; papers: number }>();
  graph.forEachNode((id, a) => {
    const papers = a.paperCount ?? 0;
    if ((a.type !== "method" && a.type !== "task") || papers < BROADER_MIN_PAPERS) return;
    // A bare head noun is no class by any of its names: "reasoning" is written "rea- soning"
    // across a line break, "models" "MODEL" in a title.
    if (!namesAClass(a.label, true)) return;
    for (const name of [a.label, ...(a.aliases ?? [])]) {
      if (name !== a.label && !namesAClass(name, false)) continue;
      const key = `${a.type}:${entityKey(name)}`;
      const known = byKey.get(key);
      if (!known || papers > known.papers || (papers === known.papers && id < known.id))
        byKey.set(key, { id, papers });
    }
  });
  return new Map([...byKey].map(([key, { id }]) => [key, id]));
}
