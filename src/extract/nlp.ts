import nlp from "compromise";
import { singular } from "./keys.js";
import { DATASET_HEADS, METHOD_HEADS, TASK_HEADS } from "./lexicon.js";

/**
 * compromise, configured once: our head nouns are nouns ("learning", "clustering" and "matching"
 * otherwise read as verbs in "contrastive learning"), and "invariant"/"equivariant" are adjectives.
 */
const plugin = {
  words: Object.fromEntries([
    ...[...TASK_HEADS, ...METHOD_HEADS, ...DATASET_HEADS]
      .filter((w) => !w.includes(" "))
      .map((w) => [w, "Noun"]),
    ["invariant", "Adjective"],
    ["equivariant", "Adjective"],
    ["self-supervised", "Adjective"],
  ]),
};
nlp.plugin(plugin);
const world = (nlp as unknown as { world(): { hooks: string[] } }).world();
world.hooks = world.hooks.filter((hook) => hook !== "chunks" && hook !== "postTagger");

/** A word of a field: compromise's terms, with hyphen- and slash-joined pieces ("SE(3)-equivariant") as one. */
export interface Word {
  text: string;
  /** [start, end) offsets in the field. */
  start: number;
  end: number;
  lower: string;
  /** Lower-cased singular of the last piece ("out-of-distribution" → "distribution"), for head-noun lookups. */
  norm: string;
  /** compromise's tags of the last piece (the head of a compound). */
  tags: ReadonlySet<string>;
  /** Punctuation written right after the word (",", ".", ")", ...), spaces removed. */
  after: string;
  /** Punctuation written right before the word ("(", "\""), spaces removed. */
  before: string;
}

export interface Sentence {
  text: string;
  start: number;
  end: number;
  words: Word[];
}

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface SentenceJson {
  text: string;
  offset: { start: number; length: number };
  terms: Term[];
}

function isJoiner(term: Term): boolean {
  const post = term.post;
  return post === "-" || post === "/" || post === "–";
}

function toWords(terms: Term[], text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < terms.length) {
    const first = terms[i] as Term;
    let last = first;
    while (isJoiner(last) && i + 1 < terms.length && (terms[i + 1] as Term).pre === "")
      last = terms[++i] as Term;
    i++;
    const start = first.offset.start;
    const end = last.offset.start + last.offset.length;
    const surface = text.slice(start, end);
    if (surface === "") continue;
    const lower = surface.toLowerCase();
    words.push({
      text: surface,
      start,
      end,
      lower,
      norm: singular(lower.split(/[-–/]/).at(-1) ?? lower),
      tags: new Set(last.tags),
      after: last.post.replace(/\s+/g, ""),
      before: first.pre.replace(/\s+/g, ""),
    });
  }
  return words;
}

/** Sentences of a field (title or abstract) with their words and offsets. */
export function analyze(text: string): Sentence[] {
  if (text.trim() === "") return [];
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as SentenceJson[];
  return json.map((sentence) => ({
    text: text.slice(sentence.offset.start, sentence.offset.start + sentence.offset.length),
    start: sentence.offset.start,
    end: sentence.offset.start + sentence.offset.length,
    words: toWords(sentence.terms, text),
  }));
}
