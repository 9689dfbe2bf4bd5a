import type { EntityType, InvarianceKind, InvarianceRelation, MethodRole } from "../types.js";
import type { Sentence, Word } from "./nlp.js";

/** A field of a paper, analysed into sentences. */
export interface Field {
  name: "title" | "abstract";
  text: string;
  sentences: Sentence[];
}

/**
 * Something a rule or the tagger found, before canonicalization. Rules' candidates are the tagger's
 * evidence; `weak` marks one found by a head noun alone ("linear models"), a weaker feature.
 */
export interface Candidate {
  type: EntityType;
  text: string;
  field: Field["name"];
  start: number;
  end: number;
  sentence: string;
  rule: string;
  weak?: boolean;
  role?: MethodRole;
  invariance?: { kind: InvarianceKind; relation: InvarianceRelation };
  /** Set by the acronym rule: the short form defined for this long form in the same place. */
  acronym?: string;
  /**
   * The short form this name begins with and the words in front of its brackets that spell it
   * out, where those words are no name the tagger took: "T2I" and "Text-to-Image" in
   * "Text-to-Image (T2I) generation". The corpus reads the short form so inside other names.
   */
  spelledOut?: { short: string; long: string };
}

/** A candidate spanning words [from, to) of a sentence. */
export function spanCandidate(
  field: Field,
  sentence: Sentence,
  from: number,
  to: number,
  props: Pick<Candidate, "type" | "rule"> & Partial<Candidate>,
): Candidate {
  const start = (sentence.words[from] as Word).start;
  const end = (sentence.words[to - 1] as Word).end;
  return {
    text: field.text.slice(start, end),
    field: field.name,
    start,
    end,
    sentence: sentence.text,
    ...props,
  };
}
