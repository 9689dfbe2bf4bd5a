import type { Candidate, Field } from "../candidate.js";
import { DATASET_HEADS, METHOD_HEADS, NOT_ENTITY_HEADS, TASK_HEADS } from "../lexicon.js";
import type { Sentence, Word } from "../nlp.js";
import { isProposalSentence } from "../rules/proposal.js";
import { wordClusters } from "./clusters.js";
import { gazetteerHits } from "./gazetteer.js";

/** One sentence as the tagger reads it: its words, each word's feature strings, and where names break. */
export interface SentenceFeatures {
  field: Field;
  sentence: Sentence;
  features: string[][];
  /** True where no name runs on from the word before: a bracket, colon, semicolon or full stop between them. */
  breaks: boolean[];
}

const BREAK = /[()[\]:;.!?]/;

function namesBreak(words: readonly Word[]): boolean[] {
  return words.map(
    (w, i) => i === 0 || BREAK.test((words[i - 1] as Word).after) || BREAK.test(w.before),
  );
}

/** compromise's tags, most telling first: a word's coarse part of speech is the first it has. */
const COARSE_TAGS = [
  "Acronym",
  "Gerund",
  "Plural",
  "ProperNoun",
  "Noun",
  "Adjective",
  "Infinitive",
  "PastTense",
  "Verb",
  "Adverb",
  "Preposition",
  "Determiner",
  "Conjunction",
  "Pronoun",
  "Value",
];

function coarseTag(word: Word | undefined): string {
  if (!word) return "-";
  for (const tag of COARSE_TAGS) if (word.tags.has(tag)) return tag;
  return "?";
}

/** "ResNet-50" → "XxXx-d": letters and digits by class, runs collapsed. */
function shape(text: string): string {
  return text
    .replace(/[A-Z]+/g, "X")
    .replace(/[a-z]+/g, "x")
    .replace(/[0-9]+/g, "d")
    .slice(0, 8);
}

function headKind(norm: string): string {
  if (NOT_ENTITY_HEADS.has(norm)) return "none";
  if (DATASET_HEADS.has(norm)) return "dataset";
  if (TASK_HEADS.has(norm)) return "task";
  if (METHOD_HEADS.has(norm)) return "method";
  return "";
}

/** The rule candidates covering each word of a sentence, as `rule:type:B|I` features. */
function ruleFeatures(sentence: Sentence, candidates: readonly Candidate[]): string[][] {
  const marks: string[][] = sentence.words.map(() => []);
  for (const c of candidates) {
    if (c.type === "invariance" || c.start < sentence.start || c.end > sentence.end) continue;
    const name =
      c.rule.startsWith(c.type) || c.rule.endsWith(c.type) ? c.rule : `${c.rule}:${c.type}`;
    const weak = c.weak ? "~" : "";
    sentence.words.forEach((w, i) => {
      if (w.start >= c.start && w.end <= c.end)
        (marks[i] as string[]).push(`r=${name}${weak}:${w.start === c.start ? "B" : "I"}`);
    });
  }
  return marks;
}

/** The paper-wide facts words are read against: words of the title, forms written capitalised. */
interface PaperContext {
  titleWords: ReadonlySet<string>;
  titleBigrams: ReadonlySet<string>;
}

function wordFeatures(
  words: readonly Word[],
  i: number,
  field: Field,
  context: PaperContext,
  proposing: boolean,
): string[] {
  const w = words[i] as Word;
  const prev = words[i - 1];
  const next = words[i + 1];
  const lower = w.lower;
  const f = [
    "b",
    `w=${lower}`,
    `n=${w.norm}`,
    `s=${shape(w.text)}`,
    `t=${coarseTag(w)}`,
    `p3=${lower.slice(0, 3)}`,
    `x3=${lower.slice(-3)}`,
    `x4=${lower.slice(-4)}`,
    `w-1=${prev?.lower ?? "<s>"}`,
    `w+1=${next?.lower ?? "</s>"}`,
    `w-2=${words[i - 2]?.lower ?? "<s>"}`,
    `w+2=${words[i + 2]?.lower ?? "</s>"}`,
    `w-1w=${prev?.lower ?? "<s>"}|${lower}`,
    `ww+1=${lower}|${next?.lower ?? "</s>"}`,
    `t-1=${coarseTag(prev)}`,
    `t+1=${coarseTag(next)}`,
    `tt=${coarseTag(prev)}|${coarseTag(w)}|${coarseTag(next)}`,
    `s-1=${prev ? shape(prev.text) : "<s>"}`,
    `s+1=${next ? shape(next.text) : "</s>"}`,
    `h=${headKind(w.norm)}`,
    `h+1=${next ? headKind(next.norm) : "</s>"}`,
  ];
  const clusters = wordClusters(w.text);
  if (clusters)
    f.push(`c=${clusters[0]}`, `cc=${clusters[1]}`, `ccw-1=${clusters[1]}|${prev?.lower ?? "<s>"}`);
  else f.push("c=?");
  const before = prev && wordClusters(prev.text);
  const after = next && wordClusters(next.text);
  f.push(`c-1=${before?.[1] ?? "?"}`, `c+1=${after?.[1] ?? "?"}`);
  if (w.before) f.push(`bef=${w.before}`);
  if (w.after) f.push(`aft=${w.after}`);
  if (i === 0) f.push("first");
  if (field.name === "title") f.push("title");
  else if (context.titleWords.has(lower)) f.push("inTitle");
  if (proposing) f.push("proposal", `pw=${lower}`);

  for (let k = Math.max(0, i - 5); k < i - 2; k++) f.push(`lb=${(words[k] as Word).lower}`);
  if (next && context.titleBigrams.has(`${lower} ${next.lower}`)) f.push("titleBigram+");
  if (prev && context.titleBigrams.has(`${prev.lower} ${lower}`)) f.push("titleBigram-");
  // The next head noun within four words: "contrastive" before "... learning framework".
  for (let k = i + 1; k < Math.min(words.length, i + 5); k++) {
    const kind = headKind((words[k] as Word).norm);
    if (kind) {
      f.push(`nh=${kind}`);
      break;
    }
    if (/[,.;:()]/.test((words[k] as Word).before)) break;
  }
  return f;
}

/**
 * Every sentence of a paper with its words' features: the word and its neighbours, shapes, affixes,
 * parts of speech, head nouns, vocabulary matches, and the rules' candidates. The rules are the
 * model's evidence here, not its verdict.
 */
export function paperFeatures(
  fields: readonly Field[],
  rules: readonly Candidate[],
): SentenceFeatures[] {
  const title = fields.find((f) => f.name === "title");
  const titleWords = title?.sentences.flatMap((s) => s.words.map((w) => w.lower)) ?? [];
  const context: PaperContext = {
    titleWords: new Set(titleWords),
    titleBigrams: new Set(titleWords.slice(1).map((w, i) => `${titleWords[i]} ${w}`)),
  };
  const sentences: SentenceFeatures[] = [];
  for (const field of fields) {
    const fieldRules = rules.filter((c) => c.field === field.name);
    for (const sentence of field.sentences) {
      const words = sentence.words;
      if (words.length === 0) continue;
      const proposing = isProposalSentence(sentence);
      const gazetteer = gazetteerHits(words);
      const marks = ruleFeatures(sentence, fieldRules);
      const features = words.map((_, i) => {
        const f = wordFeatures(words, i, field, context, proposing);
        for (const hit of gazetteer[i] as ReturnType<typeof gazetteerHits>[number])
          f.push(`g=${hit.type}:${hit.position}${hit.exactCase ? "" : "~"}`);
        f.push(...(marks[i] as string[]));
        return f;
      });
      sentences.push({ field, sentence, features, breaks: namesBreak(words) });
    }
  }
  return sentences;
}
