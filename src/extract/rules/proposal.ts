import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { NOT_ENTITY_HEADS } from "../lexicon.js";
import type { Sentence, Word } from "../nlp.js";
import { isNameLike, isVague, nounPhrases, typeOfPhrase } from "../phrases.js";

const PROPOSAL_CUE =
  /\b(we|this (paper|work|study|article)|the authors?|here)\s+(also\s+|further\s+|then\s+|first\s+|thus\s+|therefore\s+|now\s+)?(propose|present|introduce|develop|design|devise|formulate|build|construct|create|establish|contribute|put forward|offer|derive)(s|d)?\b|\bwe (call|dub|name|term|coin)\b|\b(is|are) (proposed|introduced|presented)\b|\bwe\b[^.]{0,60}?\b(by|via|through) (proposing|introducing|presenting|developing|designing)\b/i;

/** True when a sentence introduces the paper's own contribution: "In this work, we present ...". */
export function isProposalSentence(sentence: Sentence): boolean {
  return (
    PROPOSAL_CUE.test(sentence.text) ||
    /\bour (proposed|novel|new|method|approach|model|framework)\b/i.test(sentence.text)
  );
}

const NAMING_WORDS = new Set(["called", "named", "dubbed", "termed", "coined"]);

/**
 * Rule: the object of "we propose/present/introduce X" is the paper's proposed method (or dataset,
 * or task, by its head). Fires on "In this paper, we present BoostDream, a highly efficient
 * plug-and-play 3D refining method" and, past a vague object, on "we propose a novel framework,
 * dubbed ShiftAddViT".
 */
export function proposalCandidates(field: Field, sentence: Sentence): Candidate[] {
  const cue = PROPOSAL_CUE.exec(sentence.text);
  if (!cue) return [];
  const cueEnd = sentence.start + cue.index + cue[0].length;
  const words = sentence.words;
  const phrases = nounPhrases(sentence).filter(([from]) => (words[from] as Word).start >= cueEnd);
  const first = phrases[0];
  // The object follows the verb closely: "we present BoostDream", "we propose a novel one-step framework".
  const cueWord = words.findIndex((w) => w.end >= cueEnd);
  if (!first || first[0] - cueWord > 4) return [];
  const candidates: Candidate[] = [];
  const objectPhrase = !isVague(words, first[0], first[1])
    ? first
    : namedAfterVague(words, phrases);
  if (objectPhrase) {
    const [from, to] = objectPhrase;
    const text = field.text.slice((words[from] as Word).start, (words[to - 1] as Word).end);
    const head = words[to - 1] as Word;
    const named = to - from >= 2 || words.slice(from, to).some(isNameLike);
    const type =
      typeOfPhrase(text, head.norm) ??
      (named && !NOT_ENTITY_HEADS.has(head.norm) ? "method" : undefined);
    if (!type) return candidates;
    const role = type === "method" ? "proposed" : undefined;
    candidates.push(
      spanCandidate(field, sentence, from, to, { type, rule: "proposal-object", role }),
    );
  }
  return candidates;
}

/** Past "a novel framework", the name that follows: ", dubbed X", ", X," or "called X". */
function namedAfterVague(
  words: readonly Word[],
  phrases: [number, number][],
): [number, number] | undefined {
  for (const [from, to] of phrases.slice(1, 4)) {
    const previous = words[from - 1];
    const named = words.slice(from, to).some(isNameLike);
    if (
      named &&
      (previous === undefined || NAMING_WORDS.has(previous.lower) || previous.after.includes(","))
    )
      return [from, to];
  }
  return undefined;
}
