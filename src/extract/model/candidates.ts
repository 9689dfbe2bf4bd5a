import type { Candidate, Field } from "../candidate.js";
import { spanCandidate } from "../candidate.js";
import type { Sentence, Word } from "../nlp.js";
import {
  type AcronymDefinition,
  findAcronymDefinitions,
  namesShortForm,
  spellsOutShortForm,
  spellsShortForm,
} from "../rules/acronyms.js";
import type { SentenceFeatures } from "./features.js";
import type { TaggedSpan } from "./tagger.js";

function overlaps(a: Pick<Candidate, "field" | "start" | "end">, b: Candidate): boolean {
  return a.field === b.field && a.start < b.end && b.start < a.end;
}

/** "JAX's" names JAX: a possessive ending is not part of the name. */
function withoutPossessive(candidate: Candidate): Candidate {
  const match = /['’]s$/.exec(candidate.text);
  if (!match) return candidate;
  return { ...candidate, text: candidate.text.slice(0, match.index), end: candidate.end - 2 };
}

/**
 * "ImageNet 256×256" names ImageNet: a resolution after a name is the setting it was run at
 * (FID "on ImageNet 256×256 and 512×512"), not another dataset.
 */
function withoutResolution(candidate: Candidate): Candidate {
  const match = /[\s-]+\d{2,5}\s?[×x]\s?\d{2,5}$/.exec(candidate.text);
  if (!match || match.index === 0) return candidate;
  const cut = candidate.text.length - match.index;
  return { ...candidate, text: candidate.text.slice(0, match.index), end: candidate.end - cut };
}

/** "(KAN)-ViT", cut at its stray bracket, names ViT, not "-ViT": a name begins with no dash. */
function withoutLeadingDash(candidate: Candidate): Candidate {
  const cut = /^[-‐‑–—]+/.exec(candidate.text)?.[0].length ?? 0;
  if (cut === 0 || cut === candidate.text.length) return candidate;
  return { ...candidate, text: candidate.text.slice(cut), start: candidate.start + cut };
}

/**
 * "…are expensive.Distribution Matching Distillation…" names Distribution Matching Distillation:
 * a sentence whose full stop lost its space is read as one, so a span can run across it. A
 * lower-case word of three letters or more, a stop, then a capital, is that seam ("Character.AI"
 * and "arXiv cs.CL" are no such seam). The name is what follows it, its article dropped ("…
 * formulation.A structure inpainting network"), unless that is only the next sentence's first
 * word ("…rasterization pipelines.Furthermore" names the pipelines).
 */
function withoutRunOnSentence(candidate: Candidate): Candidate {
  const seam = /(?:^|[\s(/-])([a-z]{3,})\.(?=[A-Z])/g;
  let end = -1;
  let cut = 0;
  for (let match = seam.exec(candidate.text); match; match = seam.exec(candidate.text)) {
    cut = match.index + match[0].length;
    end = cut - 1;
  }
  if (cut === 0 || cut === candidate.text.length) return candidate;
  const after = candidate.text.slice(cut);
  if (/^[A-Z][a-z]+$/.test(after))
    return { ...candidate, text: candidate.text.slice(0, end), end: candidate.start + end };
  const article = /^(?:A|An|The)\s+/.exec(after)?.[0].length ?? 0;
  return {
    ...candidate,
    text: after.slice(article),
    start: candidate.start + cut + article,
  };
}

/**
 * "(e.g., GPT-4)" names GPT-4: compromise keeps a bracket on a number as a list item's ("3)"), so
 * a name can end in a bracket it never opened, or begin with one it never closes. One closed
 * inside it and never opened is the tail of a bracket before it: "(M)LLMs" names LLMs; one opened
 * inside and never closed begins what the name is not: "LLM(-Agent" names LLM.
 */
function withoutStrayBracket(candidate: Candidate): Candidate {
  const { text } = candidate;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    if (depth >= 0) continue;
    const rest = text.slice(i + 1);
    if (/[^)\]\s]/.test(rest)) {
      const cut = i + 1 + (/^\s*/.exec(rest)?.[0].length ?? 0);
      return withoutStrayBracket({
        ...candidate,
        text: text.slice(cut),
        start: candidate.start + cut,
      });
    }
  }
  if (depth < 0) {
    const cut = Math.min(-depth, /[)\]]*$/.exec(text)?.[0].length ?? 0, text.length - 1);
    return { ...candidate, text: text.slice(0, text.length - cut), end: candidate.end - cut };
  }
  if (depth > 0) {
    const cut = Math.min(depth, /^[([]*/.exec(text)?.[0].length ?? 0, text.length - 1);
    if (cut > 0) return { ...candidate, text: text.slice(cut), start: candidate.start + cut };
    // One opened inside and never closed: "LLM(-Agent" is LLM, the rest a bracket cut short.
    const open = text.search(/[([]/);
    const kept = text.slice(0, open).trimEnd();
    if (kept !== "") return { ...candidate, text: kept, end: candidate.start + kept.length };
  }
  return candidate;
}

/** What a tagged span holds that is not its name, cut off in this order. */
const NAME_TRIMS = [
  withoutRunOnSentence,
  withoutPossessive,
  withoutResolution,
  withoutStrayBracket,
  withoutLeadingDash,
];

/**
 * The seam where the model and the rules meet: the tagger's spans become candidates, the rules
 * supply what a span alone does not say. A method is the paper's own ("proposed") when a rule
 * that reads proposals ("we propose X", "X: a title", a definition in a proposal sentence) says so
 * of an overlapping span; "Long Form (LF)" written in the text, or a short form spelling a long
 * form of the same paper, links both forms, of the long form's type, so the corpus pass merges
 * them.
 */
export function modelCandidates(
  sentences: readonly SentenceFeatures[],
  spans: readonly TaggedSpan[],
  rules: readonly Candidate[],
): Candidate[] {
  const proposed = rules.filter((c) => c.type === "method" && c.role === "proposed");
  const bySentence = new Map<number, TaggedSpan[]>();
  for (const span of spans) {
    const ofSentence = bySentence.get(span.sentence);
    if (ofSentence) ofSentence.push(span);
    else bySentence.set(span.sentence, [span]);
  }
  const candidates: Candidate[] = [];
  const described = new Set<Candidate>();
  for (const [index, all] of bySentence) {
    const { field, sentence } = sentences[index] as SentenceFeatures;
    const tagged = all.filter((span) => !isGloss(span, all, sentence.words));
    const made = tagged.map((span) =>
      NAME_TRIMS.reduce(
        (candidate, trim) => trim(candidate),
        spanCandidate(field, sentence, span.from, span.to, {
          type: span.type,
          rule: `model:${span.type}`,
        }),
      ),
    );
    tagged.forEach((span, i) => {
      if (INDEFINITE.has(sentence.words[span.from - 1]?.lower ?? ""))
        described.add(made[i] as Candidate);
    });
    for (const definition of findAcronymDefinitions(sentence)) {
      const { short } = definition;
      // The tagged name before the brackets is their long form only if it spells them, whole.
      const long = tagged.findIndex(
        (span) =>
          span.to === short &&
          namesShortForm(
            (sentence.words[short] as Word).text,
            sentence.words.slice(span.from, span.to).map((w) => w.text),
          ),
      );
      if (long < 0) {
        spellOut(definition, tagged, made, field, sentence);
        continue;
      }
      const longForm = made[long] as Candidate;
      const shortAt = tagged.findIndex((span) => span.from === short && span.to === short + 1);
      const shortForm =
        shortAt >= 0
          ? (made[shortAt] as Candidate)
          : spanCandidate(field, sentence, short, short + 1, {
              type: longForm.type,
              rule: longForm.rule,
            });
      if (shortAt < 0) made.push(shortForm);
      shortForm.type = longForm.type;
      shortForm.rule = longForm.rule;
      longForm.acronym = shortForm.text;
      shortForm.acronym = shortForm.text;
    }
    for (const candidate of made) {
      if (candidate.type === "method")
        candidate.role = proposed.some((p) => overlaps(candidate, p)) ? "proposed" : "used";
      candidates.push(candidate);
    }
  }
  linkShortForms(candidates, described);
  return candidates;
}

/**
 * "Text-to-Image (T2I) generation", its short form tagged and its long form not (a modifier, no
 * name): the name that begins with the short form keeps the words that spell it out.
 */
function spellOut(
  { long: [from, to], short }: AcronymDefinition,
  tagged: readonly TaggedSpan[],
  made: readonly Candidate[],
  field: Field,
  sentence: Sentence,
): void {
  const named = tagged.findIndex((span) => span.from === short);
  const words = sentence.words;
  const long = words.slice(from, to).map((word) => word.text);
  if (named < 0 || !spellsOutShortForm((words[short] as Word).text, long)) return;
  (made[named] as Candidate).spelledOut = {
    short: (words[short] as Word).text,
    long: field.text.slice((words[from] as Word).start, (words[to - 1] as Word).end),
  };
}

/**
 * "RotNet, a rotation-invariant network": a method span right after a named method, a comma and
 * "a" or "an" describes that name; the name is the entity.
 */
function isGloss(span: TaggedSpan, spans: readonly TaggedSpan[], words: readonly Word[]): boolean {
  if (span.type !== "method" || span.from < 2) return false;
  if (!INDEFINITE.has((words[span.from - 1] as Word).lower)) return false;
  const named = words[span.from - 2] as Word;
  return named.after === "," && spans.some((s) => s.type === "method" && s.to === span.from - 1);
}

/** Articles that make what follows a description ("RotNet, a rotation-invariant network"), not a name. */
const INDEFINITE = new Set(["a", "an"]);

/** "EEA", "LVLMs", "ReaGAN": one word written as a short form. */
const SHORT_FORM = /^[A-Z][A-Za-z0-9-]*[A-Z][A-Za-z0-9-]*s?$/;

/**
 * A short form and a long form the paper writes apart ("EEA: Exploration-Exploitation Agent ...",
 * "LVLMs" and "Large Vision-Language Models" in two sentences) are one entity when the short
 * form spells the long form's word starts (spellsShortForm). The first such long form wins. A
 * phrase after "a" or "an" describes the name rather than spelling it out ("RotNet, a
 * rotation-invariant network"), and stays apart.
 */
function linkShortForms(candidates: Candidate[], described: ReadonlySet<Candidate>): void {
  const linked = new Set(candidates.flatMap((c) => (c.acronym ? [c.acronym] : [])));
  for (const short of candidates) {
    if (linked.has(short.text) || !SHORT_FORM.test(short.text)) continue;
    const long = candidates.find(
      (c) =>
        c !== short &&
        !described.has(c) &&
        /[\s-]/.test(c.text) &&
        spellsShortForm(short.text, c.text),
    );
    if (!long) continue;
    linked.add(short.text);
    long.acronym ??= short.text;
    short.acronym = short.text;
    short.type = long.type;
    if (long.type === "method") short.role = long.role;
  }
}
