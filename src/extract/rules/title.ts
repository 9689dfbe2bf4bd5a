import type { Candidate, Field } from "../candidate.js";
import { entityKey, singular } from "../keys.js";
import { DATASET_HEADS, METHOD_HEADS, STOP_PHRASES, TASK_HEADS } from "../lexicon.js";
import type { Sentence, Word } from "../nlp.js";
import { typeOfPhrase } from "../phrases.js";

/** Title openings that are not names: "Towards ...: ", "On the ...: ", "Rethinking ...: ". */
const NOT_A_NAME =
  /^(towards?|on|from|beyond|rethinking|revisiting|when|why|how|what|is|are|do|does|can|learning|understanding|a|an|the|to|in|of|for|with|about|into|through|via|back|deep|more|less|all|no|not)\b/i;

/** Words that end a title's first noun phrase; compromise reads capitalised title words as names. */
const TITLE_BREAKS = new Set([
  "for",
  "of",
  "in",
  "on",
  "with",
  "via",
  "from",
  "to",
  "towards",
  "and",
  "by",
  "using",
  "through",
  "under",
  "without",
  "at",
]);

/** The head of the subtitle's first noun phrase: "A Soft Robot Co-design Benchmark For ..." → "Benchmark". */
function subtitleHead(sentence: Sentence, afterOffset: number): Word | undefined {
  const words = sentence.words.filter((w) => w.start >= afterOffset);
  const end = words.findIndex((w) => TITLE_BREAKS.has(w.lower) || /[,;:]/.test(w.after));
  const phrase =
    end < 0 ? words : words.slice(0, TITLE_BREAKS.has(words[end]?.lower ?? "") ? end : end + 1);
  return phrase.at(-1);
}

function titleSpan(
  title: Field,
  sentence: string,
  text: string,
  props: Partial<Candidate>,
): Candidate {
  const start = title.text.indexOf(text);
  return {
    type: "method",
    text,
    field: "title",
    start,
    end: start + text.length,
    sentence,
    rule: "title-name",
    ...props,
  };
}

/** "ResNeSt: Split-Attention Networks": a subtitle that is only a short name of a method is the same method. */
function appositive(subtitle: string, head: Word | undefined): boolean {
  const words = subtitle.split(/\s+/);
  return (
    words.length <= 4 &&
    head !== undefined &&
    METHOD_HEADS.has(head.norm) &&
    words.every((w) => /^[A-Z0-9]/.test(w))
  );
}

/**
 * What sets a title's name off from its subtitle: a colon, or a dash standing between spaces
 * ("CASE — Condition-Aware Sentence Embeddings", "Subasa - Adapting Language Models").
 */
const NAME_SEPARATOR = /:\s|\s[\u2014\u2013-]\s/;

/** The part of a title after "Name: " (or "Name — "), or the whole title. */
function titleBody(text: string): { body: string; name?: string } {
  const separator = NAME_SEPARATOR.exec(text);
  if (!separator || separator.index === 0) return { body: text };
  const name = text.slice(0, separator.index);
  return { body: text.slice(separator.index + separator[0].length), name };
}

/** "Out of Domain Generalization", "Learning in Deep Weight Spaces": a title piece that names a task. */
function namesTask(piece: string): boolean {
  const words = piece.split(/\s+/);
  const head = singular((words.at(-1) ?? "").toLowerCase());
  return (
    words.length <= 7 &&
    (TASK_HEADS.has(head) || /\blearning\b/i.test(piece)) &&
    /^[A-Za-z0-9]/.test(piece)
  );
}

/**
 * Rule: "X for Y" titles name the contribution X (a proposed method) and the tasks Y; "X via Y"
 * titles name the method Y. Fires on "Wasserstein Dependency Measure for Representation Learning",
 * "LaSO: Label-Set Operations networks for multi-label few-shot learning" (X is then another name
 * of LaSO) and "Automatic Data Augmentation via Invariance-Constrained Learning".
 */
export function titlePurposeCandidates(title: Field): Candidate[] {
  const sentence = title.sentences[0];
  if (!sentence) return [];
  const { body, name } = titleBody(title.text);
  const split = /^(.+?)\s+(for|via)\s+([^:]+)/i.exec(body);
  if (!split) return [];
  const [, left, link, right] = split as unknown as [string, string, string, string];
  const candidates: Candidate[] = [];
  const span = (text: string, props: Partial<Candidate>) =>
    candidates.push(titleSpan(title, sentence.text, text, { rule: "title-purpose", ...props }));
  const leftIsName =
    left.split(/\s+/).length <= 6 && !NOT_A_NAME.test(left) && !/^\w+ing\b/i.test(left);
  if (link.toLowerCase() === "via") {
    if (!STOP_PHRASES.has(entityKey(right))) span(right, { role: "proposed" });
    return candidates;
  }
  if (leftIsName && !DATASET_HEADS.has(singular((left.split(/\s+/).at(-1) ?? "").toLowerCase()))) {
    span(left, { role: "proposed", acronym: name?.trim() });
  }
  for (const piece of right.split(/\s+and\s+|,\s*/))
    if (namesTask(piece)) span(piece, { type: "task", role: undefined });
  return candidates;
}

/**
 * Rule: a title of the form "Name: subtitle" (or "Name — subtitle") proposes Name, a dataset when
 * the subtitle's head says so. Fires on "ColorMNet: A Memory-based Deep Spatial-Temporal Feature
 * Propagation Network for Video Colorization", "SoftZoo: A Soft Robot Co-design Benchmark For
 * Locomotion" and "CASE — Condition-Aware Sentence Embeddings".
 */
export function titleCandidates(title: Field): Candidate[] {
  const sentence = title.sentences[0];
  const match = /^([^:]{2,60}?)(?:\s*:|\s+[\u2014\u2013-])\s+\S/.exec(title.text);
  if (!sentence || !match) return [];
  const name = (match[1] as string).trim();
  // A name is capitalised throughout: "Reprogramming under constraints" is a phrase, not a name.
  const lowercaseWord = name.split(/\s+/).some((w) => /^[a-z]/.test(w) && !w.includes("-"));
  if (name.split(/\s+/).length > 4 || NOT_A_NAME.test(name) || !/[A-Z]/.test(name) || lowercaseWord)
    return [];
  const head = subtitleHead(sentence, match[0].length - 1);
  const type =
    head && DATASET_HEADS.has(head.norm)
      ? "dataset"
      : (typeOfPhrase(name, name.toLowerCase()) ?? "method");
  const role = type === "method" ? "proposed" : undefined;
  const subtitle = title.text.slice(match[0].length - 1).trim();
  if (type === "method" && appositive(subtitle, head)) {
    return [
      titleSpan(title, sentence.text, name, { role, acronym: name }),
      titleSpan(title, sentence.text, subtitle, { role, acronym: name }),
    ];
  }
  return [titleSpan(title, sentence.text, name, { type, role })];
}
