import type { InvarianceKind, InvarianceRelation } from "../../types.js";
import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { CONTEXT_KINDS, INVARIANCE_CUES } from "../lexicon.js";
import type { Sentence, Word } from "../nlp.js";

const TRIGGER = /invarian|equivarian|symmetr/i;
/** Group names written as such: SO(3), SE(3), E(n), O(n), Sp(n), SU(2). */
const GROUP_NAME = /^(SO|SE|E|O|U|SU|Sp|GL|SL)\((\d|n|N)\)/;
const LINKS = new Set([
  "to",
  "under",
  "against",
  "across",
  "towards",
  "toward",
  "wrt",
  "w.r.t.",
  "for",
  "over",
]);
const SKIPPED = new Set([
  "the",
  "a",
  "an",
  "any",
  "all",
  "input",
  "arbitrary",
  "such",
  "various",
  "different",
  "its",
  "their",
  "3d",
  "2d",
  "global",
  "local",
  "continuous",
  "discrete",
  "natural",
  "respect",
  "with",
  "of",
  "and",
  "or",
  "both",
  "these",
  "certain",
  "small",
  "large",
]);

function cueOf(text: string): InvarianceKind | undefined {
  const lower = text.toLowerCase();
  return INVARIANCE_CUES.get(lower) ?? INVARIANCE_CUES.get(lower.replace(/s$/, ""));
}

/** The kind a compound's prefix names: "SE(3)-equivariant", "roto-translation-invariant", "Scale-invariant". */
function kindOfPrefix(word: Word): InvarianceKind | undefined {
  const pieces = word.text.split(/[-–/]/);
  const prefix = pieces.slice(0, -1);
  if (prefix.length === 0) return undefined;
  const group = GROUP_NAME.exec(word.text);
  if (group) return cueOf(group[0]);
  return cueOf(prefix.join("-")) ?? prefix.map(cueOf).find(Boolean);
}

/** "rotation invariance", "permutation symmetry", "translation equivariant": the words before. */
function kindBefore(words: readonly Word[], index: number): InvarianceKind | undefined {
  const one = words[index - 1];
  const two = words[index - 2];
  if (!one || /[,.;:()]/.test(one.after)) return undefined;
  return (two && cueOf(`${two.text} ${one.text}`)) || groupOrCue(one);
}

function groupOrCue(word: Word): InvarianceKind | undefined {
  const group = GROUP_NAME.exec(word.text);
  return group ? cueOf(group[0]) : (cueOf(word.text) ?? kindOfPrefix(word));
}

/** "invariant to 3D rotations", "equivariant under the action of SE(3)": the words after a link. */
function kindAfter(words: readonly Word[], index: number): InvarianceKind | undefined {
  let k = index + 1;
  if (words[k]?.lower === "with" && words[k + 1]?.lower === "respect") k += 2;
  if (!LINKS.has(words[k]?.lower ?? "") || /[,.;:]/.test((words[index] as Word).after))
    return undefined;
  for (let j = k + 1; j < Math.min(words.length, k + 7); j++) {
    const word = words[j] as Word;
    const next = words[j + 1];
    const kind = (next && cueOf(`${word.text} ${next.text}`)) || groupOrCue(word);
    if (kind) return kind;
    if (!SKIPPED.has(word.lower) || /[,.;:]/.test(word.after)) break;
  }
  return undefined;
}

/** "phase invariance", "feature equivariance": a noun before the noun form names a kind outside the taxonomy. */
function namedOther(words: readonly Word[], index: number): InvarianceKind | undefined {
  const word = words[index] as Word;
  const before = words[index - 1];
  if (!/^(invariances?|equivariances?|symmetry|symmetries)$/i.test(word.text) || !before)
    return undefined;
  return before.tags.has("Noun") && !before.tags.has("Pronoun") && !/[,.;:()]/.test(before.after)
    ? "other"
    : undefined;
}

/**
 * For "invariant features" with no kind given: the kind the whole abstract is about, or "other".
 * Read once a paper, when first needed (see `invarianceCandidates`).
 */
export function contextKind(paperText: string): InvarianceKind {
  const lower = paperText.toLowerCase();
  for (const [kind, phrases] of CONTEXT_KINDS)
    if (phrases.some((p) => lower.includes(p))) return kind;
  return "other";
}

function relationOf(text: string): InvarianceRelation {
  return /equivarian/i.test(text) ? "equivariant" : "invariant";
}

/**
 * Rule: invariances and equivariances, typed by the taxonomy. Fires on "rotation-invariant
 * descriptors", "equivariant to the orthogonal group, O(n)", "a scale invariance prior",
 * "invariant to viewpoint changes" and, from the abstract's topic, "domain generalization ...
 * learn invariant features".
 */
export function invarianceCandidates(
  field: Field,
  sentence: Sentence,
  topicKind: () => InvarianceKind,
): Candidate[] {
  const candidates: Candidate[] = [];
  const words = sentence.words;
  words.forEach((word, index) => {
    const group = GROUP_NAME.test(word.text) && !TRIGGER.test(word.text);
    if (!TRIGGER.test(word.text) && !group) return;
    // "https://github.com/x/Orbit-symmetrize" is a link, not a claim of symmetry.
    if (/:\/\/|www\.|\.com\b/.test(word.text)) return;
    const before = group || kindOfPrefix(word) ? undefined : kindBefore(words, index);
    const stated = group
      ? groupOrCue(word)
      : (kindOfPrefix(word) ?? before ?? kindAfter(words, index));
    const named = stated ?? namedOther(words, index);
    const kind = named ?? topicKind();
    const rule = group ? "group-name" : named ? "invariance-cue" : "invariance-context";
    const relation = relationOf(group ? sentence.text : word.text);
    const from = before || (!stated && named) ? index - 1 : index;
    candidates.push(
      spanCandidate(field, sentence, from, index + 1, {
        type: "invariance",
        rule,
        invariance: { kind, relation },
      }),
    );
  });
  return candidates;
}
