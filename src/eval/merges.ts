/**
 * Merge pairs: two surface forms a reader judged to name one entity or two. A build keeps a pair
 * together where one node goes by both forms (as its label or an alias), apart where none does.
 * Pure: the caller reads the pairs file and the built graph.
 */
import type { KnowledgeGraph } from "../graph/index.js";
import { GoldFormatError } from "./gold.js";

/**
 * A form as written, case aside: "LLMS" is "LLMs", but "V$^*$" is not "V" nor "M)LLMs" "MLLMs",
 * which the scorer's looser matching of names would make them.
 */
const formKey = (form: string) => form.trim().toLowerCase();

export interface MergePair {
  a: string;
  b: string;
  /** True where the two forms name one entity. */
  same: boolean;
  /** The pair's line in its file. */
  line: number;
}

export interface MergeReport {
  /** Pairs that name two entities, and how many of them the build keeps on two nodes. */
  different: { pairs: number; keptApart: number };
  /** Pairs that name one entity, and how many of them the build keeps on one node. */
  same: { pairs: number; keptTogether: number };
  /** Pairs one of whose forms no node of the build goes by: not scored. */
  missing: MergePair[];
  /** Scored pairs the build gets wrong: different ones merged, same ones split. */
  wrong: MergePair[];
}

/** Reads a pairs file (JSON Lines of {"a", "b", "same"}); `file` names it in errors. */
export function parseMergePairs(text: string, file: string): MergePair[] {
  const pairs: MergePair[] = [];
  text.split(/\r\n|\r|\n/).forEach((content, index) => {
    if (content.trim() === "") return;
    const line = index + 1;
    let record: unknown;
    try {
      record = JSON.parse(content);
    } catch (error) {
      throw new GoldFormatError(`${file}:${line}: malformed JSON: ${(error as Error).message}`);
    }
    const { a, b, same } = (record ?? {}) as Record<string, unknown>;
    if (typeof a !== "string" || typeof b !== "string" || a === "" || b === "")
      throw new GoldFormatError(`${file}:${line}: a pair needs two names, "a" and "b"`);
    if (typeof same !== "boolean")
      throw new GoldFormatError(`${file}:${line}: "same" must be true or false`);
    pairs.push({ a, b, same, line });
  });
  return pairs;
}

/** The nodes each form goes by, case aside. */
function nodesByForm(graph: KnowledgeGraph): Map<string, Set<string>> {
  const byForm = new Map<string, Set<string>>();
  graph.forEachNode((node, { type, label, aliases }) => {
    if (type === "paper") return;
    for (const form of [label, ...(aliases ?? [])]) {
      const key = formKey(form);
      const nodes = byForm.get(key) ?? new Set<string>();
      nodes.add(node);
      byForm.set(key, nodes);
    }
  });
  return byForm;
}

/** How a build keeps judged pairs: different ones apart, same ones together. */
export function scoreMerges(graph: KnowledgeGraph, pairs: readonly MergePair[]): MergeReport {
  const byForm = nodesByForm(graph);
  const report: MergeReport = {
    different: { pairs: 0, keptApart: 0 },
    same: { pairs: 0, keptTogether: 0 },
    missing: [],
    wrong: [],
  };
  for (const pair of pairs) {
    const [nodesA, nodesB] = [byForm.get(formKey(pair.a)), byForm.get(formKey(pair.b))];
    if (!nodesA || !nodesB) {
      report.missing.push(pair);
      continue;
    }
    const together = [...nodesA].some((node) => nodesB.has(node));
    if (pair.same) {
      report.same.pairs++;
      if (together) report.same.keptTogether++;
      else report.wrong.push(pair);
    } else {
      report.different.pairs++;
      if (!together) report.different.keptApart++;
      else report.wrong.push(pair);
    }
  }
  return report;
}
