import type { EntityType, InvarianceKind } from "../types.js";
import { entityKey, singularWords } from "./keys.js";
import datasets from "./lexicons/datasets.json" with { type: "json" };
import heads from "./lexicons/heads.json" with { type: "json" };
import invariances from "./lexicons/invariances.json" with { type: "json" };
import manner from "./lexicons/manner.json" with { type: "json" };
import methods from "./lexicons/methods.json" with { type: "json" };
import modifiers from "./lexicons/modifiers.json" with { type: "json" };
import notEntities from "./lexicons/not-entities.json" with { type: "json" };
import stopPhrases from "./lexicons/stop-phrases.json" with { type: "json" };
import tasks from "./lexicons/tasks.json" with { type: "json" };

/** The vocabularies under lexicons/, indexed for lookup. Data lives in the JSON files, not here. */

export interface LexiconEntry {
  type: Exclude<EntityType, "invariance">;
  name: string;
  aliases: string[];
}

function entriesOf(
  type: LexiconEntry["type"],
  file: { entries: { name: string; aliases: string[] }[] },
): LexiconEntry[] {
  return file.entries.map((e) => ({ type, name: e.name, aliases: e.aliases }));
}

export const LEXICON_ENTRIES: readonly LexiconEntry[] = [
  ...entriesOf("method", methods),
  ...entriesOf("dataset", datasets),
  ...entriesOf("task", tasks),
];

/** Every form of every lexicon entry, by entity key; and the form, as written, that gave the key. */
const [byKey, formByKey] = (() => {
  const entries = new Map<string, LexiconEntry>();
  const forms = new Map<string, string>();
  for (const entry of LEXICON_ENTRIES) {
    for (const form of [entry.name, ...entry.aliases]) {
      const key = entityKey(form);
      if (entries.has(key)) continue;
      entries.set(key, entry);
      forms.set(key, form);
    }
  }
  return [entries, forms];
})();
export const LEXICON_BY_KEY: ReadonlyMap<string, LexiconEntry> = byKey;
export const LEXICON_FORM_BY_KEY: ReadonlyMap<string, string> = formByKey;

/** The most words any lexicon form has: the longest span worth looking up. */
export const LEXICON_MAX_WORDS = Math.max(
  ...LEXICON_ENTRIES.flatMap((e) => [e.name, ...e.aliases]).map(
    (form) => form.split(/[\s-]+/).length,
  ),
);

const singularSet = (words: readonly string[]): ReadonlySet<string> =>
  new Set(words.flatMap((w) => singularWords(w).join(" ")));

export const TASK_HEADS = singularSet(heads.task);
export const METHOD_HEADS = singularSet(heads.method);
export const DATASET_HEADS = singularSet(heads.dataset);
export const NOT_ENTITY_HEADS = singularSet(heads.notEntity);
export const FLUFF = new Set(modifiers.fluff.map((w) => w.toLowerCase()));
/**
 * Words that say how a task is done or what a paper does to it, not which task: FLUFF and the
 * manner list, but for words that also name kinds of task.
 */
export const MANNER = new Set(
  [...FLUFF, ...manner.manner].filter((word) => !manner.kinds.includes(word)),
);
/** Words of manner that say only how well or how a task is treated: they join a task across papers. */
export const MANNER_ACROSS_PAPERS = new Set(manner.mannerAcrossPapers);
/** Words naming a kind of method, and the words that make a means of them ("AI-based"). */
export const MEANS = new Set(manner.means);
export const MEANS_SUFFIXES = new Set(manner.meansSuffixes);
export const GENERIC_HEADS = singularSet(modifiers.genericHeads);
export const SYSTEM_HEADS = singularSet(modifiers.systemHeads);
export const STOP_PHRASES = new Set(stopPhrases.phrases.map(entityKey));

/** Cue word or phrase (singular words joined by spaces, parens kept for groups) → invariance kind. */
export const INVARIANCE_CUES: ReadonlyMap<string, InvarianceKind> = (() => {
  const index = new Map<string, InvarianceKind>();
  for (const [kind, cues] of Object.entries(invariances.kinds)) {
    for (const cue of cues) index.set(cue.toLowerCase(), kind as InvarianceKind);
  }
  return index;
})();

/** Abstract phrases that tell which kind an unqualified "invariant features" means, in order of precedence. */
export const CONTEXT_KINDS: readonly [InvarianceKind, readonly string[]][] = Object.entries(
  invariances.contextKinds,
)
  .filter(([kind]) => kind !== "description")
  .map(([kind, phrases]) => [kind as InvarianceKind, phrases as string[]]);

const ORGANISATIONS = new Set(notEntities.organisations.map((name) => name.toLowerCase()));
const METRICS = new Set(notEntities.metrics.map((name) => name.toLowerCase()));
const NOT_ENTITY_PATTERNS = notEntities.patterns.map((pattern) => new RegExp(pattern, "i"));

/**
 * Why a name the tagger marked is no entity of the field, if it is not: an organisation
 * ("NVIDIA"), a reported metric ("TER", "MACs"; one the paper proposes is its method), a model
 * size ("3B"), a numeric setting ("W8A8"), a bare number ("2.0"), a comparison ("p<0.05"), a web
 * address, or LaTeX an abstract left unrendered ("V$^*$"). Data in lexicons/not-entities.json.
 */
export function notAnEntity(text: string, proposed: boolean): boolean {
  const name = text.trim();
  const lower = name.toLowerCase();
  return (
    ORGANISATIONS.has(lower) ||
    (!proposed && METRICS.has(lower)) ||
    NOT_ENTITY_PATTERNS.some((pattern) => pattern.test(name))
  );
}
