import { ENTITY_TYPES, type EntityType } from "../types.js";
import { entityKey, singular, singularWords, withoutPossessives } from "./keys.js";
import { LEXICON_BY_KEY } from "./lexicon.js";
import shortForms from "./lexicons/short-forms.json" with { type: "json" };
import type { AnalyzedPaper } from "./paper.js";
import { longFormLength } from "./rules/acronyms.js";

/**
 * Short forms by key, with the long form (by key) each stands for and the type of the entity it
 * names alone. A short form only ever spelled out in front of a name ("Text-to-Image (T2I)
 * generation") has no type: it stands for those words inside names ("T2I models"), never for an
 * entity of its own.
 */
export type AcronymMap = ReadonlyMap<string, Acronym>;

export interface Acronym {
  type?: EntityType;
  /** The entity's key: a long form the lexicon lists goes by its entry's name. */
  longKey: string;
  /**
   * The long form's own words, as a key, for reading the short form inside a name: "T2I models"
   * are text-to-image models, though "text-to-image" alone is the lexicon's text-to-image
   * generation. The most written of the long forms that make the majority.
   */
  inNames: string;
}

/**
 * What the papers counted so far say each short form stands for: by short key, how many times each
 * long form was written as its definition, by type and as written ("method|Multimodal LLMs"), so
 * the short forms inside a long form can be read. Words spelled out in front of a name count
 * under IN_NAMES ("in-names|Text-to-Image").
 */
export type AcronymVotes = Map<string, Map<string, number>>;

/** The votes' mark of a long form spelled out in front of a name rather than as an entity. */
const IN_NAMES = "in-names";

/**
 * The share of a short form's definitions its most common long form needs to stand for it in
 * papers that use it undefined. Across 10,000 papers "LLM" is defined 2,076 times as "large
 * language model" and a few times as a narrower model; "IR", 14 times as "information
 * retrieval" and 6 as "image restoration", stays undecided, as does "CLEAR" defined once each way.
 */
const MAJORITY = 0.75;

/** A piece of a name written as a short form: two capitals or more, digits, a plural "s" ("LLMs", "3DGS"). */
const SHORT_FORM_PIECE = /^(?=(?:[^A-Z]*[A-Z]){2})[A-Z0-9]+s?$/;

const PIECES = /[^\p{L}\p{N}]+/u;

/** The pieces of a name of two words or more with two capitals somewhere in it; else undefined. */
function capitalPieces(text: string): string[] | undefined {
  if (!/[A-Z].*[A-Z]/.test(text)) return undefined;
  // "SAM's mask decoder" is the SAM mask decoder: the possessive's s is no piece.
  const pieces = withoutPossessives(text).split(PIECES).filter(Boolean);
  return pieces.length < 2 ? undefined : pieces;
}

/** The keys of the pieces of a name of two words or more that are written as short forms ("LLM agents" → "llm"). */
export function shortFormPieces(text: string): string[] {
  return (capitalPieces(text) ?? []).flatMap((piece) =>
    SHORT_FORM_PIECE.test(piece) ? [singular(piece.toLowerCase())] : [],
  );
}

/**
 * The key of a name with each short form inside it spelled out as `longKeyOf` gives it: "Multimodal
 * LLMs" and "multimodal large language models" share a key where "LLM" stands for "large
 * language model". The name's own key where none is known.
 */
export function expandedKey(
  text: string,
  longKeyOf: (shortKey: string) => string | undefined,
): string {
  const pieces = capitalPieces(text);
  if (!pieces) return entityKey(text);
  let changed = false;
  const words = pieces.map((piece) => {
    const word = entityKey(piece);
    const long = SHORT_FORM_PIECE.test(piece) ? longKeyOf(word) : undefined;
    if (long === undefined || long === word) return word;
    changed = true;
    return long;
  });
  return changed ? words.join("") : entityKey(text);
}

/** The field's short forms inside names (lexicons/short-forms.json), by key. */
const FIELD_SHORT_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries(shortForms.inNames).map(([short, long]) => [entityKey(short), entityKey(long)]),
);

/**
 * What a short form (by key) stands for inside a name: for one the lexicon knows, the entry, unless
 * the paper itself defines an entity by it (`own`: "Standard Definition (SD) maps"); else the
 * words the paper spells it out with; else, for one the field writes undefined ("AI"), its words;
 * else those the corpus spells it out with; else the short form itself.
 */
export function shortFormInNames(short: string, own?: Acronym, corpus?: Acronym): string {
  if (LEXICON_BY_KEY.has(short)) return own?.type !== undefined ? own.longKey : lexiconKey(short);
  return own?.inNames ?? FIELD_SHORT_FORMS.get(short) ?? corpus?.inNames ?? short;
}

/**
 * Whether a long form as written shares a word with an entity's key, by the word's first five
 * letters: spellings of one name do ("Convolution Neural Networks" and convolutional neural
 * network, "bird-eye view" and bird's eye view), while "attack success rate" and speech
 * recognition, "autoregressive" and augmented reality, share none.
 */
export function sharesAWord(written: string, key: string): boolean {
  return singularWords(written).some((word) => word.length >= 4 && key.includes(word.slice(0, 5)));
}

/** Whether every word of a name is in a key, by its first five letters (as sharesAWord reads). */
function wordsWithin(name: string, key: string): boolean {
  return singularWords(name).every((word) => word.length < 4 || key.includes(word.slice(0, 5)));
}

/** By corpus, lexicon entries (by key) by the long forms (by key) the corpus spells them out with. */
const SPELLED_ENTRIES = new WeakMap<AcronymMap, Map<string, string>>();

/**
 * The lexicon entry whose short form the corpus spells out as this long form (by key), where that
 * long form is no lexicon entry's own: four of 10,000 arXiv papers define BERT as "Bidirectional
 * Encoder Representations from Transformers", which made a node beside BERT's 67 papers. The
 * entry must be of the long form's type and, if it has a spelled-out name, have every word of it
 * in the long form: the corpus's "Bayesian networks (BN)" are no batch normalization, its "spoken
 * dialogue systems (SDSs)" no Sloan Digital Sky Survey, and "Self-similarity driven Scale-invariant
 * Learning (SSL)" no self-supervised learning.
 */
export function lexiconEntrySpelled(acronyms: AcronymMap, longKey: string): string | undefined {
  let spelled = SPELLED_ENTRIES.get(acronyms);
  if (!spelled) {
    spelled = new Map();
    for (const [short, { type, longKey: long }] of acronyms) {
      const entry = LEXICON_BY_KEY.get(short);
      if (!entry || entry.type !== type || LEXICON_BY_KEY.has(long)) continue;
      const spelledOut = [entry.name, ...entry.aliases].filter((form) => /\s/.test(form));
      if (spelledOut.length === 0 || spelledOut.some((form) => wordsWithin(form, long)))
        spelled.set(long, lexiconKey(short));
    }
    SPELLED_ENTRIES.set(acronyms, spelled);
  }
  return spelled.get(longKey);
}

/** The key every form of a lexicon entry shares: its name's. */
export function lexiconKey(key: string): string {
  const entry = LEXICON_BY_KEY.get(key);
  return entry ? entityKey(entry.name) : key;
}

/** Adds the short forms that a paper defines ("Invariant Risk Minimization (IRM)") to `votes`. */
export function countAcronyms(votes: AcronymVotes, { candidates }: AnalyzedPaper) {
  for (const candidate of candidates) {
    if (candidate.spelledOut)
      vote(votes, candidate.spelledOut.short, `${IN_NAMES}|${candidate.spelledOut.long}`);
    if (candidate.acronym !== undefined && candidate.acronym !== candidate.text)
      vote(votes, candidate.acronym, `${candidate.type}|${candidate.text}`);
  }
}

function vote(votes: AcronymVotes, shortForm: string, written: string) {
  const short = entityKey(shortForm);
  let longForms = votes.get(short);
  if (!longForms) {
    longForms = new Map();
    votes.set(short, longForms);
  }
  longForms.set(written, (longForms.get(written) ?? 0) + 1);
}

type Resolved = Map<string, Acronym>;

/** A short form's definitions, each as [type or IN_NAMES, the long form's own key, votes]. */
type Definitions = [type: string, spelled: string, votes: number][];

/**
 * A long form's key without the head "model": "Vision-Language-Action (VLA)" and
 * "Vision-Language-Action models (VLA)" define VLA alike.
 */
function withoutModelHead(key: string): string {
  return key.length > MODEL.length && key.endsWith(MODEL) ? key.slice(0, -MODEL.length) : key;
}

const MODEL = "model";

/** The most votes' key of a tally, ties to the first in order. */
function mostVoted(tally: ReadonlyMap<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const [key, n] of tally)
    if (!best || n > best[1] || (n === best[1] && key < best[0])) best = [key, n];
  return best?.[0];
}

/**
 * The long form that MAJORITY of a short form's definitions give (by key, with or without the
 * head "model"; the entity is the one written most), with the type most of those that define an
 * entity give it (ties to the first in ENTITY_TYPES; none where every one is written in front of
 * a name), and the long forms' key without the head; undefined where no long form has a majority.
 */
function majority(
  definitions: Definitions,
): (Omit<Acronym, "inNames"> & { headless: string }) | undefined {
  const byKey = new Map<string, { types: Map<string, number>; keys: Map<string, number> }>();
  let total = 0;
  for (const [type, spelled, n] of definitions) {
    const key = lexiconKey(spelled);
    const headless = withoutModelHead(key);
    const long = byKey.get(headless) ?? { types: new Map(), keys: new Map() };
    byKey.set(headless, long);
    long.types.set(type, (long.types.get(type) ?? 0) + n);
    long.keys.set(key, (long.keys.get(key) ?? 0) + n);
    total += n;
  }
  for (const [headless, { types, keys }] of byKey) {
    const votes = [...types.values()].reduce((a, b) => a + b, 0);
    if (votes < MAJORITY * total) continue;
    const longKey = mostVoted(keys) as string;
    const named = ENTITY_TYPES.filter((t) => types.has(t));
    if (named.length === 0) return { longKey, headless };
    const type = named.reduce((best, t) =>
      (types.get(t) as number) > (types.get(best) as number) ? t : best,
    );
    return { type, longKey, headless };
  }
  return undefined;
}

/** A long form read inside names only: its entity definitions did not agree on an entity. */
function withoutType<T extends { type?: EntityType }>(
  long: T | undefined,
): Omit<T, "type"> | undefined {
  if (!long) return undefined;
  const { type: _, ...untyped } = long;
  return untyped;
}

/**
 * The short forms' long forms. Definitions of entities decide alone where they agree: words
 * spelled out in front of names ("3D morphable face model (3DMM) coefficients") only say what a
 * short form no paper takes for an entity stands for inside names, or one whose entity definitions
 * do not agree, where all its definitions do: at 74,722 papers "T2I" is defined as text-to-image
 * generation, retrieval and models a few times each, and written in front of 340 names as
 * "Text-to-Image (T2I)". Inside names it stands for the long form of the majority written most, in
 * front of names or as the entity: "T2I", the entity text-to-image generation, is "text-to-image"
 * in "T2I models".
 */
function resolveBy(votes: AcronymVotes, spell: (text: string) => string): Resolved {
  const resolved: Resolved = new Map();
  for (const [short, longForms] of votes) {
    const definitions: Definitions = [...longForms].map(([written, n]) => {
      const bar = written.indexOf("|");
      return [written.slice(0, bar), spell(written.slice(bar + 1)), n];
    });
    const named = definitions.filter(([type]) => type !== IN_NAMES);
    const long =
      named.length > 0
        ? (majority(named) ?? withoutType(majority(definitions)))
        : majority(definitions);
    if (!long) continue;
    const { headless, ...entity } = long;
    const spellings = new Map<string, number>();
    for (const [, spelled, n] of definitions)
      if (withoutModelHead(lexiconKey(spelled)) === headless)
        spellings.set(spelled, (spellings.get(spelled) ?? 0) + n);
    const inNames = mostVoted(spellings) as string;
    resolved.set(short, { ...entity, inNames });
  }
  return resolved;
}

/**
 * Each short form's long form, where MAJORITY of the papers' definitions of it give the same one
 * ("IRM" → "invariant risk minimization"): a paper that only uses "IRM" then names that entity. A
 * short form defined two ways about as often ("CLEAR") resolves to neither, so it never joins an
 * entity its own paper did not define. Long forms are compared with the short forms inside them
 * spelled out: "Multimodal LLM" and "Multimodal Large Language Model" agree on "MLLM". The
 * result does not depend on the order the votes were counted in.
 */
export function resolveAcronyms(votes: AcronymVotes): Resolved {
  const written = resolveBy(votes, entityKey);
  return resolveBy(votes, (text) =>
    expandedKey(text, (short) => shortFormInNames(short, undefined, written.get(short))),
  );
}

/**
 * Short forms defined anywhere in the papers, with the long form each resolves to, so an acronym
 * defined in one paper resolves in another.
 */
export function acronymMap(papers: readonly AnalyzedPaper[]): AcronymMap {
  const votes: AcronymVotes = new Map();
  for (const analyzed of papers) countAcronyms(votes, analyzed);
  return resolveAcronyms(votes);
}

/** Short forms the papers define, by key, that no long form holds MAJORITY of ("CLEAR", "LVM"). */
export function undecidedShortForms(votes: AcronymVotes, resolved: AcronymMap): Set<string> {
  return new Set([...votes.keys()].filter((short) => !resolved.has(short)));
}

/** Short keys that resolve differently (or only) in one map than in the other. */
export function changedAcronyms(before: AcronymMap, after: AcronymMap): Set<string> {
  const changed = new Set<string>();
  for (const [key, now] of after) {
    const then = before.get(key);
    if (then?.type !== now.type || then?.longKey !== now.longKey || then?.inNames !== now.inNames)
      changed.add(key);
  }
  for (const key of before.keys()) if (!after.has(key)) changed.add(key);
  return changed;
}

/** Words before a bracket that a long form may take: more would be a clause, not a name. */
const LONG_FORM_WORDS = 10;

/**
 * The long form a paper's own text gives a short form in brackets ("Standard Definition (SD)
 * map", "Speaker Dependent (SD)"), whether or not the extractor took that long form for an
 * entity: the words before the bracket, in its clause, that spell the short form as Schwartz &
 * Hearst search it. A bracket that goes on past the short form with words the text wrote before
 * it ("standard definition map (SD map)") defines the short form by the words before those.
 * Undefined where the paper never writes the short form so.
 */
export function writtenLongForm(
  { title, abstract }: { title: string; abstract: string },
  shortForm: string,
): string | undefined {
  const opening = `(${shortForm}`;
  for (const text of [title, abstract]) {
    for (let at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at + 1)) {
      const close = text.indexOf(")", at);
      if (close < 0) break;
      const inside = text.slice(at + opening.length, close);
      const after = inside.trim().split(/\s+/).filter(Boolean);
      // "(SD)", or "(SD map)": the short form as a word of its own, then what the text wrote before.
      if ((inside !== "" && !/^\s/.test(inside)) || after.length > 3) continue;
      const clause =
        text
          .slice(Math.max(0, at - 200), at)
          .split(/[.;:!?()[\]]/)
          .at(-1) ?? "";
      const before = clause.trim().split(/\s+/).filter(Boolean);
      const repeated = before.slice(before.length - after.length);
      if (repeated.some((word, i) => word.toLowerCase() !== after[i]?.toLowerCase())) continue;
      const words = before.slice(0, before.length - after.length).slice(-LONG_FORM_WORDS);
      const length = longFormLength(shortForm, words);
      if (length > 0) return words.slice(-length).join(" ");
    }
  }
  return undefined;
}
