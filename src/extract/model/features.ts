import type { Candidate, Field } from "../candidate.js";
import { DATASET_HEADS, METHOD_HEADS, NOT_ENTITY_HEADS, TASK_HEADS } from "../lexicon.js";
import type { Sentence, Word } from "../nlp.js";
import { isProposalSentence } from "../rules/proposal.js";
import { wordClusters } from "./clusters.js";
import { gazetteerHits } from "./gazetteer.js";
import { type PhraseTable, phraseMatches, phraseValues } from "./phrase-table.js";
import { COARSE_TAGS, wordShape } from "./pos.js";
import { indexPairs, type PairIndex } from "./value-pairs.js";

/**
 * One sentence as the tagger reads it: its words and what is known of each (facts, vocabulary
 * matches, rule candidates), and where names break. Its features are spelled out from this, as
 * strings for training (featureStrings) or straight as a tagger's ids (FeatureEncoder).
 */
export interface SentenceFeatures {
  field: Field;
  sentence: Sentence;
  /** True where no name runs on from the word before: a bracket, comma, colon, semicolon, full stop or dash between them. */
  breaks: boolean[];
  proposing: boolean;
  facts: WordFacts[];
  /** Per word: vocabulary matches and rule candidates covering it, as feature values. */
  gazetteer: string[][];
  rules: string[][];
  context: PaperContext;
}

const BREAK = /[()[\],:;.!?]/;
// A dash between two words sets off what follows: an em dash, or a hyphen or en dash with a space
// before it ("CASE — Condition-Aware Sentence Embeddings", "Diffusion—the first framework",
// "PANORAMA - Profile-based Assemblage"). One a word ends with joins on ("Single- and Multi-Object
// Segmentation", "Embed- ding"), as does one inside a word ("input–output").
const EM_DASH = 0x2014;
const SPACED_DASHES = new Set([0x2d, 0x2013]);

/** Whether text[from, to), what stands between two words, holds a dash that sets words off. */
function dashBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === EM_DASH) return true;
    if (SPACED_DASHES.has(code) && i > from && /\s/.test(text[i - 1] as string)) return true;
  }
  return false;
}

function namesBreak(words: readonly Word[], text: string): boolean[] {
  return words.map((w, i) => {
    if (i === 0) return true;
    const previous = words[i - 1] as Word;
    return (
      BREAK.test(previous.after) || BREAK.test(w.before) || dashBetween(text, previous.end, w.start)
    );
  });
}

/** A word's coarse part of speech: the first of COARSE_TAGS it has. */
function coarseTag(word: Word): string {
  for (const tag of COARSE_TAGS) if (word.tags.has(tag)) return tag;
  return "?";
}

function headKind(norm: string): string {
  if (NOT_ENTITY_HEADS.has(norm)) return "none";
  if (DATASET_HEADS.has(norm)) return "dataset";
  if (TASK_HEADS.has(norm)) return "task";
  if (METHOD_HEADS.has(norm)) return "method";
  return "";
}

/** The rule candidates covering each word of a sentence, as `rule:type:B|I` values. */
function ruleMarks(sentence: Sentence, candidates: readonly Candidate[]): string[][] {
  const marks: string[][] = sentence.words.map(() => []);
  for (const c of candidates) {
    if (c.type === "invariance" || c.start < sentence.start || c.end > sentence.end) continue;
    const name =
      c.rule.startsWith(c.type) || c.rule.endsWith(c.type) ? c.rule : `${c.rule}:${c.type}`;
    const weak = c.weak ? "~" : "";
    sentence.words.forEach((w, i) => {
      if (w.start >= c.start && w.end <= c.end)
        (marks[i] as string[]).push(`${name}${weak}:${w.start === c.start ? "B" : "I"}`);
    });
  }
  return marks;
}

/** The paper-wide facts words are read against: the title's words and pairs of words. */
interface PaperContext {
  titleWords: ReadonlySet<string>;
  /** The title's pairs of words, by first word: the words that follow it there. */
  titleBigrams: ReadonlyMap<string, ReadonlySet<string>>;
}

/** What the features read of one word: all but `tag` follow from its text alone. */
interface WordFacts {
  text: string;
  lower: string;
  norm: string;
  shape: string;
  tag: string;
  head: string;
  /** Coarse and fine cluster, "?" for a word the clusters never saw. */
  coarse: string;
  fine: string;
  before: string;
  after: string;
  /** Whether a comma, full stop, colon, semicolon or bracket stands right before it. */
  punctuated: boolean;
}

const edge = (mark: string): WordFacts => ({
  text: `\u0000${mark}`,
  lower: mark,
  norm: mark,
  shape: mark,
  tag: "-",
  head: mark,
  coarse: "?",
  fine: "?",
  before: "",
  after: "",
  punctuated: false,
});
const START = edge("<s>");
const END = edge("</s>");

/** Cluster numbers as strings made once: a string used again keeps its hash for every lookup. */
const NUMBER_NAMES: string[] = [];
function numberName(n: number): string {
  NUMBER_NAMES[n] ??= String(n);
  return NUMBER_NAMES[n];
}

// The annotated abstracts write a dash as LaTeX does ("--", over a thousand times) and never "—":
// the tagger reads an em or en dash after a word as the "--" it learned from.
const DASHES = /[\u2014\u2013]/g;

function factsOf(word: Word): WordFacts {
  const clusters = wordClusters(word.text);
  return {
    text: word.text,
    lower: word.lower,
    norm: word.norm,
    shape: wordShape(word.text),
    tag: coarseTag(word),
    head: headKind(word.norm),
    coarse: clusters ? numberName(clusters[0]) : "?",
    fine: clusters ? numberName(clusters[1]) : "?",
    before: word.before,
    after: word.after.replace(DASHES, "--"),
    punctuated: PUNCTUATED.test(word.before),
  };
}

const PUNCTUATED = /[,.;:()]/;

/**
 * The feature templates, by number: a feature is a template and a value ("w" and "transformer"
 * spell "w=transformer"); the first seven are flags, features without a value ("b" is every
 * word's bias). Numbered so the encoder finds a template's ids by index, not by name.
 */
const TEMPLATE_NAMES = [
  "b",
  "first",
  "title",
  "inTitle",
  "proposal",
  "titleBigram+",
  "titleBigram-",
  "w",
  "n",
  "s",
  "p3",
  "x3",
  "x4",
  "h",
  "c",
  "cc",
  "w-1",
  "c-1",
  "s-1",
  "w+1",
  "c+1",
  "s+1",
  "h+1",
  "w-2",
  "w+2",
  "lb",
  "t",
  "t-1",
  "t+1",
  "w-1w",
  "ww+1",
  "bef",
  "aft",
  "pw",
  "nh",
  "g",
  "r",
  "pt",
] as const;
const FLAGS = 7;
const T = Object.fromEntries(TEMPLATE_NAMES.map((name, i) => [name, i])) as {
  [K in (typeof TEMPLATE_NAMES)[number]]: number;
};

type Emit = (template: number, value: string) => void;

/** The features a word has wherever it stands: its spelling, shape, affixes, cluster, head. */
function ownFeatures(me: WordFacts, emit: Emit): void {
  emit(T.w, me.lower);
  emit(T.n, me.norm);
  emit(T.s, me.shape);
  emit(T.p3, me.lower.slice(0, 3));
  emit(T.x3, me.lower.slice(-3));
  emit(T.x4, me.lower.slice(-4));
  emit(T.h, me.head);
  if (me.fine === "?") emit(T.c, "?");
  else {
    emit(T.c, me.coarse);
    emit(T.cc, me.fine);
  }
}

/** Where a word stands from the word it lends features to; -3 is anywhere three to five before. */
type Offset = -3 | -2 | -1 | 1 | 2;

/** The features a word lends the word `offset` away from it: its spelling, cluster, shape. */
function neighbourFeatures(word: WordFacts, offset: Offset, emit: Emit): void {
  if (offset === -1) {
    emit(T["w-1"], word.lower);
    emit(T["c-1"], word.fine);
    emit(T["s-1"], word.shape);
  } else if (offset === 1) {
    emit(T["w+1"], word.lower);
    emit(T["c+1"], word.fine);
    emit(T["s+1"], word.shape);
    emit(T["h+1"], word.head);
  } else if (offset === -2) emit(T["w-2"], word.lower);
  else if (offset === 2) emit(T["w+2"], word.lower);
  else emit(T.lb, word.lower);
}

/**
 * Where a word's features go: spelled out for training, or straight to a tagger's ids. `at` is
 * the word's place in the sentence, -1 for the sentence's edges, so an encoder can look a word up
 * once per sentence, not once per neighbour.
 */
interface FeatureSink {
  own(word: WordFacts, at: number): void;
  neighbour(word: WordFacts, offset: Offset, at: number): void;
  emit: Emit;
  /** A feature whose value is two values, written "a|b". */
  pair(template: number, a: string, b: string): void;
  flag(template: number): void;
}

/** Every feature of word `i` of a sentence, into a sink; `phrases` are its names-seen values. */
function describeWord(
  s: SentenceFeatures,
  i: number,
  sink: FeatureSink,
  phrases: readonly string[] | undefined,
): void {
  const { facts, context } = s;
  const me = facts[i] as WordFacts;
  // Bounds checked first: reading an array at -1 is a slow property lookup in V8.
  const n = facts.length;
  const prev = i > 0 ? (facts[i - 1] as WordFacts) : START;
  const next = i + 1 < n ? (facts[i + 1] as WordFacts) : END;
  sink.flag(T.b);
  sink.own(me, i);
  sink.neighbour(prev, -1, i > 0 ? i - 1 : -1);
  sink.neighbour(next, 1, i + 1 < n ? i + 1 : -1);
  sink.neighbour(i > 1 ? (facts[i - 2] as WordFacts) : START, -2, i > 1 ? i - 2 : -1);
  sink.neighbour(i + 2 < n ? (facts[i + 2] as WordFacts) : END, 2, i + 2 < n ? i + 2 : -1);
  for (let k = Math.max(0, i - 5); k < i - 2; k++) sink.neighbour(facts[k] as WordFacts, -3, k);
  sink.emit(T.t, me.tag);
  sink.emit(T["t-1"], prev.tag);
  sink.emit(T["t+1"], next.tag);
  sink.pair(T["w-1w"], prev.lower, me.lower);
  sink.pair(T["ww+1"], me.lower, next.lower);
  if (me.before) sink.emit(T.bef, me.before);
  if (me.after) sink.emit(T.aft, me.after);
  if (i === 0) sink.flag(T.first);
  if (s.field.name === "title") sink.flag(T.title);
  else if (context.titleWords.has(me.lower)) sink.flag(T.inTitle);
  if (s.proposing) {
    sink.flag(T.proposal);
    sink.emit(T.pw, me.lower);
  }
  if (i + 1 < n && context.titleBigrams.get(me.lower)?.has(next.lower))
    sink.flag(T["titleBigram+"]);
  if (i > 0 && context.titleBigrams.get(prev.lower)?.has(me.lower)) sink.flag(T["titleBigram-"]);
  // The next head noun within four words: "contrastive" before "... learning framework".
  for (let k = i + 1; k < Math.min(facts.length, i + 5); k++) {
    const word = facts[k] as WordFacts;
    if (word.head) {
      sink.emit(T.nh, word.head);
      break;
    }
    if (word.punctuated) break;
  }
  for (const hit of s.gazetteer[i] as string[]) sink.emit(T.g, hit);
  for (const mark of s.rules[i] as string[]) sink.emit(T.r, mark);
  if (phrases) for (const value of phrases) sink.emit(T.pt, value);
}

/** Each word's names-seen values (phrase-table.ts) in a sentence, under a table. */
export function sentencePhrases(s: SentenceFeatures, table: PhraseTable): string[][] {
  const matches = phraseMatches(
    s.sentence.words,
    s.breaks,
    (key) => table.counts.has(key),
    (key) => table.prefixes.has(key),
  );
  return phraseValues(
    s.facts.length,
    matches.map(({ from, to, key }) => ({ from, to, counts: table.counts.get(key) })),
  );
}

/**
 * Each word's features spelled out as strings ("w=transformer", "b"): what training reads. The
 * names-seen features come only with a table: training counts them in each fold, apart.
 */
export function featureStrings(s: SentenceFeatures, phrases?: PhraseTable): string[][] {
  const values = phrases && sentencePhrases(s, phrases);
  return s.facts.map((_, i) => {
    const features: string[] = [];
    const emit: Emit = (template, value) => {
      features.push(`${TEMPLATE_NAMES[template]}=${value}`);
    };
    describeWord(
      s,
      i,
      {
        own: (word) => ownFeatures(word, emit),
        neighbour: (word, offset) => neighbourFeatures(word, offset, emit),
        emit,
        pair: (template, a, b) => emit(template, `${a}|${b}`),
        flag: (template) => features.push(TEMPLATE_NAMES[template] as string),
      },
      values?.[i],
    );
    return features;
  });
}

/** A cache of ids by word text, emptied when full so memory stays bounded on any corpus. */
const CACHE_LIMIT = 20_000;

/** What a word has wherever it stands, and what it lends at each of OFFSETS, as ids. */
interface WordIds {
  own: number[];
  lent: number[][];
}

/** Each offset's place in OFFSETS, at offset + 3. */
const OFFSET_SLOT = [0, 1, 2, -1, 3, 4];

/**
 * A tagger's features as ids, without spelling them out: what a word has wherever it stands, and
 * what it lends its neighbours, are looked up once per word of a sentence, not once per place
 * they are read. Gives exactly the ids of featureStrings read through the tagger's index.
 */
export class FeatureEncoder {
  /** Per template, value → id; for flags, the id at value "". */
  private readonly byTemplate: Map<string, number>[] = TEMPLATE_NAMES.map(() => new Map());
  /** Per flag template, its id. */
  private readonly flagIds: (number | undefined)[];
  /** Per template, "a|b" values found by their halves (indexPairs). */
  private readonly pairs: PairIndex[] = TEMPLATE_NAMES.map(() => new Map());
  private readonly words = new Map<string, WordIds>();
  /** The ids of the words of the sentence being encoded. */
  private sentence: WordIds[] = [];
  /** Where the ids of the word being described go. */
  private ids: number[] = [];
  private readonly push: Emit = (template, value) => {
    const id = (this.byTemplate[template] as Map<string, number>).get(value);
    if (id !== undefined) this.ids.push(id);
  };
  private readonly sink: FeatureSink = {
    own: (_, at) => {
      for (const id of (this.sentence[at] as WordIds).own) this.ids.push(id);
    },
    neighbour: (word, offset, at) => {
      const ids = at >= 0 ? (this.sentence[at] as WordIds) : this.wordIds(word);
      for (const id of ids.lent[OFFSET_SLOT[offset + 3] as number] as number[]) this.ids.push(id);
    },
    emit: this.push,
    pair: (template, a, b) => {
      const id = (this.pairs[template] as PairIndex).get(a)?.get(b);
      if (id !== undefined) this.ids.push(id);
    },
    flag: (template) => {
      const id = this.flagIds[template];
      if (id !== undefined) this.ids.push(id);
    },
  };

  constructor(
    index: ReadonlyMap<string, number>,
    private readonly phrases?: PhraseTable,
  ) {
    const byName = new Map(TEMPLATE_NAMES.map((name, i) => [name as string, i]));
    for (const [feature, id] of index) {
      const at = feature.indexOf("=");
      const template = byName.get(at < 0 ? feature : feature.slice(0, at));
      if (template === undefined || at < 0 !== template < FLAGS) continue;
      const value = at < 0 ? "" : feature.slice(at + 1);
      this.byTemplate[template]?.set(value, id);
      indexPairs(this.pairs[template] as PairIndex, value, id);
    }
    this.flagIds = this.byTemplate.map((ids, template) =>
      template < FLAGS ? ids.get("") : undefined,
    );
  }

  private collect(describe: (emit: Emit) => void): number[] {
    const ids: number[] = [];
    describe((template, value) => {
      const id = (this.byTemplate[template] as Map<string, number>).get(value);
      if (id !== undefined) ids.push(id);
    });
    return ids;
  }

  /** A word's own and lent ids, remembered by its text while there is room. */
  private wordIds(word: WordFacts): WordIds {
    let ids = this.words.get(word.text);
    if (ids === undefined) {
      ids = {
        own: this.collect((emit) => ownFeatures(word, emit)),
        lent: OFFSETS.map((o) => this.collect((emit) => neighbourFeatures(word, o, emit))),
      };
      if (this.words.size >= CACHE_LIMIT) this.words.clear();
      this.words.set(word.text, ids);
    }
    return ids;
  }

  /** Each word's feature ids. */
  encode(s: SentenceFeatures): number[][] {
    this.sentence = s.facts.map((word) => this.wordIds(word));
    const phrases = this.phrases && sentencePhrases(s, this.phrases);
    return s.facts.map((_, i) => {
      this.ids = [];
      describeWord(s, i, this.sink, phrases?.[i]);
      return this.ids;
    });
  }
}

const OFFSETS: readonly Offset[] = [-3, -2, -1, 1, 2];

/**
 * Every sentence of a paper with what the tagger reads of its words: the word and its neighbours,
 * shapes, affixes, parts of speech, head nouns, clusters, vocabulary matches, and the rules'
 * candidates. The rules are the model's evidence here, not its verdict.
 */
export function paperFeatures(
  fields: readonly Field[],
  rules: readonly Candidate[],
): SentenceFeatures[] {
  const title = fields.find((f) => f.name === "title");
  const titleWords = title?.sentences.flatMap((s) => s.words.map((w) => w.lower)) ?? [];
  const titleBigrams = new Map<string, Set<string>>();
  titleWords.slice(1).forEach((second, i) => {
    const first = titleWords[i] as string;
    const following = titleBigrams.get(first);
    if (following) following.add(second);
    else titleBigrams.set(first, new Set([second]));
  });
  const context: PaperContext = { titleWords: new Set(titleWords), titleBigrams };
  const sentences: SentenceFeatures[] = [];
  for (const field of fields) {
    const fieldRules = rules.filter((c) => c.field === field.name);
    for (const sentence of field.sentences) {
      const words = sentence.words;
      if (words.length === 0) continue;
      sentences.push({
        field,
        sentence,
        breaks: namesBreak(words, field.text),
        proposing: isProposalSentence(sentence),
        facts: words.map(factsOf),
        gazetteer: gazetteerHits(words).map((hits) =>
          hits.map((hit) => `${hit.type}:${hit.position}${hit.exactCase ? "" : "~"}`),
        ),
        rules: ruleMarks(sentence, fieldRules),
        context,
      });
    }
  }
  return sentences;
}
