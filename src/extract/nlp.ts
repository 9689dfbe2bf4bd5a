import { createRequire } from "node:module";
import type nlpType from "compromise";
import { singular } from "./keys.js";
import { shippedPosTagger } from "./model/pos.js";

type Nlp = typeof nlpType;

/**
 * compromise's tokenizer (compromise/one), loaded on first use: it splits sentences and words,
 * and keeps contractions and offsets right. Its part-of-speech tagger is not run: the tagger
 * distilled from it (model/pos.ts) gives the same tags at a third of the cost. Loaded lazily because a
 * command that finds every paper in its cache, or analyses on worker threads, never reads a word.
 */
let tokenizer: Nlp | undefined;
function compromiseTokenizer(): Nlp {
  if (tokenizer) return tokenizer;
  const nlp = createRequire(import.meta.url)("compromise/one") as Nlp;
  const world = (nlp as unknown as { world(): { hooks: string[] } }).world();
  world.hooks = world.hooks.filter((hook) => hook === "contractions");
  tokenizer = nlp;
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
  /** Parts of speech (compromise's tags) of the last piece, the head of a compound. */
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

/** A term of compromise's document, as its tokenizer leaves it (after compute("offset")). */
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

/** Loads the tokenizer and the tagger now rather than on the first text: a worker loads them before its first batch arrives. */
export function loadTagger(): void {
  compromiseTokenizer();
  shippedPosTagger();
}

/**
 * Sentences of a compromise document with their words and offsets, each word with the tags
 * compromise gave its last piece (none, from the tokenizer alone). Read from compromise's terms
 * directly: its .json() output copies every term, and cost a sixth of extraction.
 */
export function sentencesOf(doc: ReturnType<Nlp>, text: string): Sentence[] {
  doc.compute("offset");
  const sentences = (doc as unknown as { docs: Term[][] }).docs.filter((terms) => terms.length > 0);
  return sentences.map((terms) => {
    const [start, end] = sentenceSpan(terms);
    return { text: text.slice(start, end), start, end, words: toWords(terms, text) };
  });
}

/** Sentences of a field (title or abstract) with their words, offsets and parts of speech. */
export function analyze(text: string): Sentence[] {
  if (text.trim() === "") return [];
  const sentences = sentencesOf(compromiseTokenizer()(text), text);
  const tagger = shippedPosTagger();
  for (const sentence of sentences) {
    const tags = tagger.tag(sentence.words);
    sentence.words.forEach((word, i) => {
      word.tags = tags[i] as ReadonlySet<string>;
    });
  }
  return sentences;
}
