import { createRequire } from "node:module";
import type nlpType from "compromise";
import { singular } from "./keys.js";
import { DATASET_HEADS, METHOD_HEADS, TASK_HEADS } from "./lexicon.js";

type Nlp = typeof nlpType;

/**
 * compromise, loaded on first use and configured once: our head nouns are nouns ("learning",
 * "clustering" and "matching" otherwise read as verbs in "contrastive learning"), and
 * "invariant"/"equivariant" are adjectives. Loaded lazily (a quarter of a second) because a
 * command that finds every paper in its cache, or analyses on worker threads, never tags a word.
 */
let configured: Nlp | undefined;
function compromise(): Nlp {
  if (configured) return configured;
  const nlp = createRequire(import.meta.url)("compromise") as Nlp;
  nlp.plugin({
    words: Object.fromEntries([
      ...[...TASK_HEADS, ...METHOD_HEADS, ...DATASET_HEADS]
        .filter((w) => !w.includes(" "))
        .map((w) => [w, "Noun"]),
      ["invariant", "Adjective"],
      ["equivariant", "Adjective"],
      ["self-supervised", "Adjective"],
    ]),
  });
  const world = (nlp as unknown as { world(): { hooks: string[] } }).world();
  world.hooks = world.hooks.filter((hook) => hook !== "chunks" && hook !== "postTagger");
  configured = nlp;
  return nlp;
}

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

/** A term of compromise's document, as its tagger leaves it (after compute("offset")). */
interface Term {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
  offset: { start: number; length: number };
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
      tags: last.tags,
      after: last.post.replace(/\s+/g, ""),
      before: first.pre.replace(/\s+/g, ""),
    });
  }
  return words;
}

/**
 * A sentence's [start, end) in the field: from its opening punctuation ('"', "(") to its closing
 * punctuation, spaces left out.
 */
function sentenceSpan(terms: Term[]): [start: number, end: number] {
  const first = terms[0] as Term;
  const last = terms.at(-1) as Term;
  const start = first.offset.start - first.pre.trimStart().length;
  return [start, last.offset.start + last.text.length + last.post.trimEnd().length];
}

/** Loads and configures the tagger now rather than on the first text: a worker loads it before its first batch arrives. */
export function loadTagger(): void {
  compromise();
}

/**
 * Sentences of a field (title or abstract) with their words and offsets. Read from compromise's
 * terms directly: its .json() output copies every term, and cost a sixth of extraction.
 */
export function analyze(text: string): Sentence[] {
  if (text.trim() === "") return [];
  const doc = compromise()(text);
  doc.compute("offset");
  const sentences = (doc as unknown as { docs: Term[][] }).docs.filter((terms) => terms.length > 0);
  return sentences.map((terms) => {
    const [start, end] = sentenceSpan(terms);
    return { text: text.slice(start, end), start, end, words: toWords(terms, text) };
  });
}
