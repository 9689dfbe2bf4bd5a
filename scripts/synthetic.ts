/**
 * A deterministic synthetic corpus: titles and abstract sentences of the shipped corpus,
 * recombined, so benchmarks run on real text at any size.
 */
import { seededRandom } from "../src/random.js";
import type { Paper } from "../src/types.js";

export interface SyntheticSource {
  titles: string[];
  sentences: string[];
}

/** The titles and sentences to recombine, from real papers. */
export function syntheticSource(papers: readonly Paper[]): SyntheticSource {
  const sentences = papers
    .flatMap((p) => p.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .filter((s) => s.length > 30);
  return { titles: papers.map((p) => p.title), sentences };
}

/** `count` papers as JSON Lines records; the same count and seed give the same text. */
export function syntheticRecords(source: SyntheticSource, count: number, seed = 1): string {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  let out = "";
  for (let i = 0; i < count; i++) {
    const sentences = Array.from({ length: 5 + Math.floor(random() * 5) }, () =>
      pick(source.sentences),
    );
    out += `${JSON.stringify({ id: `synthetic-${i}`, title: `${pick(source.titles)} (${i})`, abstract: sentences.join(" ") })}\n`;
  }
  return out;
}
