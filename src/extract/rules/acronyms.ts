import { type Candidate, type Field, spanCandidate } from "../candidate.js";
import { entityKey } from "../keys.js";
import { LEXICON_BY_KEY, NOT_ENTITY_HEADS } from "../lexicon.js";
import type { Sentence, Word } from "../nlp.js";
import { isVague, trimPhrase, typeOfPhrase } from "../phrases.js";

/** "(IRM)", "(EGNNs)", "(SE3-T)": a parenthesised short form with at least two capitals, or a capital and a digit. */
function isShortForm(word: Word): boolean {
  if (!word.before.endsWith("(") || !word.after.startsWith(")")) return false;
  const text = word.text;
  if (text.length < 2 || text.length > 12 || !/^[A-Za-z0-9]/.test(text)) return false;
  const capitals = (text.match(/[A-Z]/g) ?? []).length;
  return capitals >= 2 || (capitals === 1 && /\d/.test(text));
}

/**
 * Schwartz & Hearst's long-form search: walking back from the end, every letter and digit of the
 * short form must appear in order, its first one at the start of a word. Returns the number of
 * trailing words the long form takes, or 0 when none fits.
 */
export function longFormLength(shortForm: string, candidateWords: readonly string[]): number {
  const short = shortForm.replace(/s$/, "").toLowerCase();
  const long = wordsAsDigits(short, candidateWords.join(" ").toLowerCase());
  let s = short.length - 1;
  let l = long.length - 1;
  while (s >= 0) {
    const c = short[s] as string;
    if (!/[a-z0-9]/.test(c)) {
      s--;
      continue;
    }
    while (
      l >= 0 &&
      (long[l] !== c || (s === 0 && l > 0 && /[a-z0-9]/.test(long[l - 1] as string)))
    )
      l--;
    if (l < 0) return 0;
    l--;
    s--;
  }
  const start = long.lastIndexOf(" ", l) + 1;
  return long.slice(start).split(" ").length;
}

/** Words a short form may write as a digit: "to" in "T2I" (Text-to-Image), "for" in "AI4Science". */
const DIGIT_WORDS: readonly (readonly [string, RegExp])[] = [
  ["2", /(?<![a-z0-9])to(?![a-z0-9])/g],
  ["4", /(?<![a-z0-9])for(?![a-z0-9])/g],
];

/**
 * A lower-cased long form with each word the short form may write as a digit written so, where
 * the short form has that digit: "text-to-image" is searched as "text-2-image" for "T2I" (a word
 * for a character, so the long form keeps its words), but as written for "TTS" (text-to-speech),
 * whose second T is the "to".
 */
function wordsAsDigits(short: string, long: string): string {
  let spelled = long;
  for (const [digit, word] of DIGIT_WORDS)
    if (short.includes(digit)) spelled = spelled.replace(word, digit);
  return spelled;
}

/**
 * Whether a long form, whole, is what a short form in brackets after it abbreviates: its letters
 * found in order as Schwartz & Hearst search them, the first at the start of the long form's first
 * word. "self-attention" is no long form of "HAS" (a paper's "hyperspectral adapter for the
 * self-attention (HAS)"), nor "video diffusion models" of "DMs", whose long form is "diffusion
 * models". A leading L may stand for a "large" the long form leaves out: "audio language models
 * (LALMs)".
 */
export function definesShortForm(shortForm: string, longWords: readonly string[]): boolean {
  const whole = (short: string) =>
    longWords.length > 0 && longFormLength(short, longWords) === longWords.length;
  return whole(shortForm) || (/^L[A-Z]/.test(shortForm) && whole(shortForm.slice(1)));
}

/**
 * Whether a tagged name is the long form of the short form in brackets after it: its capitals
 * begin the name's words (spellsShortForm), or the name spells it whole (definesShortForm) with
 * about a word for each capital, one of them at most taken from inside a word ("MLP": multilayer
 * perceptron) and one word at most beyond them. Schwartz & Hearst find "RORL" inside
 * "Reinforcement Learning" ("Reasoning-Oriented Reinforcement Learning (RORL)", the tagger marking
 * only its last two words). A short form with lower-case letters ("SchNet", "LoRA") has its
 * capitals not counted.
 */
export function namesShortForm(shortForm: string, longWords: readonly string[]): boolean {
  if (spellsShortForm(shortForm, longWords.join(" "))) return true;
  if (!definesShortForm(shortForm, longWords)) return false;
  const capitals = shortForm.replace(/s$/, "");
  if (!/^[A-Z0-9-]+$/.test(capitals)) return true;
  const letters = capitals.replace(/[^A-Z]/g, "").length;
  // A skipped word stands alone; a hyphen's part gives a letter like any other ("Virtual Try-On").
  const words = longWords.filter((word) => !SKIPPED_WORDS.has(word.toLowerCase()));
  const parts = words.flatMap((word) => word.split(/[-‐–]/)).filter((part) => part !== "");
  // At most one word more than capitals, a head left out ("GAT"): "Artificial Intelligence tutor
  // teammate (AI)" spells AI only in its first two words, and took AI from every "Generative AI".
  return parts.length >= letters - 1 && words.length <= letters + 1;
}

/**
 * Whether words written in front of a name, a short form in brackets after them, spell that short
 * form out: its capitals begin their words (spellsShortForm), or, where it writes a word as a
 * digit ("Text-to-Image (T2I)"), they name it whole. The corpus reads the short form so inside
 * other names, so "knowledge (KG)" or "Language Models (LLMs)" spell out nothing.
 */
export function spellsOutShortForm(shortForm: string, longWords: readonly string[]): boolean {
  if (spellsShortForm(shortForm, longWords.join(" "))) return true;
  return (
    DIGIT_WORDS.some(([digit]) => shortForm.includes(digit)) &&
    longFormLength(shortForm, longWords) === longWords.length &&
    namesShortForm(shortForm, longWords)
  );
}

/** Words a long form may pass over without giving the short form a letter: "Bidirectional Encoder Representations from Transformers". */
const SKIPPED_WORDS = new Set([
  "of",
  "for",
  "and",
  "the",
  "with",
  "from",
  "in",
  "on",
  "to",
  "a",
  "via",
  "by",
]);

/**
 * Whether a short form written apart from any brackets spells a long form by its words' starts:
 * each capital (or leading digit) of the short form begins a word or hyphenated part, in order,
 * and the lower-case letters after it continue that part ("NeRF": Neural Radiance Fields, "LVLMs":
 * Large Vision-Language Models, "3DGS": 3D Gaussian Splatting). Stricter than Schwartz & Hearst's
 * search, which a definition in brackets earns: "CLEAR" does not spell "Contrastive Learning".
 */
export function spellsShortForm(shortForm: string, longForm: string): boolean {
  const pieces = shortForm.replace(/(?<=[A-Z0-9])s$/, "").match(/[0-9]+[A-Z]?[a-z]*|[A-Z][a-z]*/g);
  if (!pieces || pieces.join("") !== shortForm.replace(/(?<=[A-Z0-9])s$/, "")) return false;
  const parts = longForm
    .split(/\s+/)
    .flatMap((word) =>
      word.split(/[-‐–]/).map((part, i) => ({ text: part.toLowerCase(), continues: i > 0 })),
    )
    .filter((part) => part.text !== "");
  const match = (piece: number, part: number): boolean => {
    if (piece === pieces.length)
      return parts.slice(part).every((p) => p.continues || SKIPPED_WORDS.has(p.text));
    if (part === parts.length) return false;
    const { text, continues } = parts[part] as { text: string; continues: boolean };
    if (text.startsWith((pieces[piece] as string).toLowerCase()) && match(piece + 1, part + 1))
      return true;
    return (continues || SKIPPED_WORDS.has(text)) && match(piece, part + 1);
  };
  return match(0, 0);
}

/**
 * Whether a short form spells a name by its words' initials alone: it starts with the name's first
 * letter and holds, in order, the initial of every word but skipped words and the last (a head
 * such as "network" or "model" is often left out: "GAT"), hyphenated parts each a word. Stricter
 * than spellsShortForm, which may pass over a hyphenated part: "AD" spells "anomaly detection" and
 * "autonomous driving"; "LVM" does not spell "Large Vision-Language Models".
 */
export function spellsInitials(short: string, name: string): boolean {
  const letters = short.replace(/s$/, "").toLowerCase();
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !SKIPPED_WORDS.has(word));
  if (words.length === 0 || letters[0] !== words[0]?.[0]) return false;
  let at = 0;
  for (const word of words.slice(0, -1)) {
    at = letters.indexOf(word[0] as string, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

export interface AcronymDefinition {
  /** [from, to) words of the long form. */
  long: [number, number];
  /** Index of the short form's word. */
  short: number;
}

/** Every "Long Form (LF)" in a sentence. */
export function findAcronymDefinitions(sentence: Sentence): AcronymDefinition[] {
  const definitions: AcronymDefinition[] = [];
  const words = sentence.words;
  words.forEach((word, index) => {
    if (!isShortForm(word)) return;
    const letters = word.text.replace(/[^A-Za-z0-9]/g, "").length;
    let from = Math.max(0, index - Math.min(letters + 5, letters * 2));
    // The long form stays within its clause: no comma or full stop inside it.
    for (let k = index - 1; k >= from; k--) {
      if (/[,.;:()]/.test((words[k] as Word).after) && k < index - 1) {
        from = k + 1;
        break;
      }
    }
    const window = words.slice(from, index).map((w) => w.text);
    const length = longFormLength(word.text, window);
    if (length === 0 || length > window.length) return;
    const trimmed = trimPhrase(words, index - length, index);
    // Trimming may leave a phrase the short form no longer abbreviates.
    const kept = trimmed && words.slice(trimmed[0], trimmed[1]).map((w) => w.text);
    if (trimmed && kept && definesShortForm(word.text, kept))
      definitions.push({ long: trimmed, short: index });
  });
  return definitions;
}

/** Task heads that stay tasks even in a capitalised name: "Domain Adaptation Regression (DAR)". */
const CORE_TASK_HEADS = new Set([
  "classification",
  "segmentation",
  "detection",
  "recognition",
  "generation",
  "regression",
  "estimation",
  "prediction",
  "generalization",
  "retrieval",
  "search",
  "tracking",
  "answering",
  "captioning",
  "clustering",
  "forecasting",
  "synthesis",
  "reconstruction",
  "inpainting",
  "colorization",
  "matching",
  "registration",
]);

/** A capitalised long form that is not a known entity names a method: "Multi-Frequency Alignment (MFAL)". */
function namesMethod(longText: string, headNorm: string): boolean {
  const capitalised = longText
    .split(/\s+/)
    .every((w) => /^[A-Z0-9]/.test(w) || /^(of|for|and|the|in|on|with|to|a)$/.test(w));
  return capitalised && !CORE_TASK_HEADS.has(headNorm) && !LEXICON_BY_KEY.has(entityKey(longText));
}

/**
 * Rule: an acronym definition names an entity under two forms, kept linked for canonicalization.
 * Fires on "We introduce Invariant Risk Minimization (IRM), a learning paradigm ...".
 * The type comes from the long form's head; a definition in a proposal sentence is a proposed method.
 */
export function acronymCandidates(
  field: Field,
  sentence: Sentence,
  proposing: boolean,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { long, short } of findAcronymDefinitions(sentence)) {
    const [from, to] = long;
    const words = sentence.words;
    const head = words[to - 1] as Word;
    if (isVague(words, from, to) || NOT_ENTITY_HEADS.has(head.norm)) continue;
    const longText = field.text.slice((words[from] as Word).start, head.end);
    const shortWord = words[short] as Word;
    const type =
      proposing || namesMethod(longText, head.norm)
        ? "method"
        : (typeOfPhrase(longText, head.norm) ?? "method");
    const role = type === "method" ? (proposing ? "proposed" : "used") : undefined;
    const props = { type, rule: "acronym-definition", role, acronym: shortWord.text } as const;
    candidates.push(spanCandidate(field, sentence, from, to, props));
    candidates.push(spanCandidate(field, sentence, short, short + 1, props));
  }
  return candidates;
}
