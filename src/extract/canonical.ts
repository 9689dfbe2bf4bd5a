import {
  ENTITY_TYPES,
  type Entity,
  type EntityType,
  type Extraction,
  type Mention,
  type MethodRole,
  type PaperExtraction,
} from "../types.js";
import {
  type AcronymMap,
  type AcronymVotes,
  acronymMap,
  changedAcronyms,
  countAcronyms,
  expandedKey,
  lexiconEntrySpelled,
  lexiconKey,
  resolveAcronyms,
  sharesAWord,
  shortFormInNames,
  shortFormPieces,
  undecidedShortForms,
  writtenLongForm,
} from "./acronyms.js";
import type { Candidate } from "./candidate.js";
import { entityKey, phraseWords, singularWords, slug } from "./keys.js";
import { DATASET_HEADS, LEXICON_BY_KEY, MANNER, METHOD_HEADS, TASK_HEADS } from "./lexicon.js";
import type { AnalyzedPaper } from "./paper.js";
import { spellsInitials } from "./rules/acronyms.js";
import { type AnalysesSource, inMemory } from "./source.js";
import { endsWith, joinPaperTasks } from "./tasks.js";

/**
 * What the corpus pass keeps of a candidate whose analysis it reads over from the store rather
 * than holds: its name, the type and role the pass may change, and its place among its paper's
 * candidates, where its mention is made from once the entities are known.
 */
interface CompactName {
  type: EntityType;
  text: string;
  role?: MethodRole;
  slot: number;
}

/** A candidate as a group holds it: itself where its paper's analysis is held, else compact. */
type GroupedName = Candidate | CompactName;

/** The candidates of one entity, each with the paper it is in (an index into the corpus). */
interface Group {
  type: EntityType;
  key: string;
  candidates: GroupedName[];
  papers: number[];
  /** The group all this one's candidates joined (joinModelHeads): its names name that one. */
  joined?: Group;
  /**
   * Whether a candidate's name, as written, was keyed otherwise (a short form inside it spelled
   * out): most groups' were not, and need not be read again (writtenOtherwise).
   */
  readOtherwise?: boolean;
}

/** How many papers name a group's entity. */
const paperCount = (group: Group) => new Set(group.papers).size;

/** The group of a key that holds candidates, following a group emptied into another. */
function liveGroup(ofType: ReadonlyMap<string, Group>, key: string): Group | undefined {
  let group = ofType.get(key);
  while (group?.joined) group = group.joined;
  return group && group.candidates.length > 0 ? group : undefined;
}

/**
 * The key a candidate's entity goes by: the long form of an acronym this paper defines, else the
 * lexicon entry's, else the long form another paper defines, else its own, with the short forms
 * inside it spelled out the same way ("LLM agents" is "large language model agents"). A name the
 * paper proposes (`proposed`, its keys) is its own: "CLEAR" introduced here is not the CLEAR
 * another paper spelled out.
 */
function canonicalKey(
  candidate: Candidate,
  local: AcronymMap,
  global: AcronymMap,
  proposed: ReadonlySet<string>,
): string {
  if (candidate.type === "invariance") return candidate.invariance?.kind ?? "other";
  return nameKey(candidate.text, candidate.type, local, global, proposed);
}

const NO_ACRONYMS: AcronymMap = new Map();
const NONE_PROPOSED: ReadonlySet<string> = new Set();

/**
 * The key a name of an entity of `type` goes by (canonicalKey, for any type but invariance): a
 * long form the corpus spells a short form the lexicon knows with is that entry ("Bidirectional
 * Encoder Representations from Transformers" is BERT).
 */
function nameKey(
  text: string,
  type: EntityType,
  local: AcronymMap,
  global: AcronymMap,
  proposed: ReadonlySet<string>,
): string {
  const definedAs = (key: string) => {
    const fromCorpus = !LEXICON_BY_KEY.has(key) && !proposed.has(key);
    return [local.get(key), fromCorpus ? global.get(key) : undefined];
  };
  const ownKey = (): string => {
    const key = entityKey(text);
    // Alone, a short form is an entity its paper or the corpus takes it for: "ML" in "machine
    // learning (ML) facial landmarking" is machine learning, as other papers define it.
    const definitions = definedAs(key);
    const defined = definitions.find((acronym) => acronym?.type !== undefined);
    if (defined?.type === type) return defined.longKey;
    // A name the lexicon knows is its entry's, whatever the short forms inside it stand for.
    if (LEXICON_BY_KEY.has(key)) return lexiconKey(key);
    // A short form its paper or the corpus spells out only in front of names, written alone, is
    // the lexicon's entry of its type those words name: the task "T2I", of "Text-to-Image (T2I)
    // generation", is text-to-image generation (a 240-paper "T2I" task of its own at 74,722
    // papers). Words the lexicon does not know ("out-of-distribution (OOD) detection") name no
    // entity alone.
    if (defined === undefined && isAcronym(text)) {
      const inNames = definitions.find((acronym) => acronym !== undefined)?.inNames;
      if (inNames !== undefined && LEXICON_BY_KEY.get(inNames)?.type === type)
        return lexiconKey(inNames);
    }
    return lexiconKey(expandedKey(text, (short) => shortFormInNames(short, ...definedAs(short))));
  };
  const key = ownKey();
  return lexiconEntrySpelled(global, key) ?? key;
}

/** A short form: capitals and digits, with hyphens or spaces ("LLMs", "GPT-4", "GPT 4"). */
const isAcronym = (text: string) => /^[A-Z0-9][A-Z0-9 -]*s?$/.test(text);

/** How many times more often a model's own name must be written than its spelled-out form to name it. */
const NAME_OVER_LONG_FORM = 10;

/**
 * Display name: the lexicon's, else the most used form that spells the entity's own key (a merged
 * narrower task or an acronym names it only when nothing else does, and a form the corpus reads
 * as another entity's name after those: a paper on "3DGS watermarking" that also writes
 * "watermarking" made a second "watermarking" node, which took that name's id). A one-word name
 * that is no mere capitals and is written ten times as often as the long form some papers spell
 * out names the entity ("GPT-4o", not "Generative Pretrained Transformer 4o"; but "Large
 * Language Model Agents", not "LLM agents"). `readAs` gives the other entity a form names.
 */
function displayName(
  group: Group,
  others: ReadonlyMap<string, Group>,
  readAs: OtherReader,
): string {
  const entry = group.type !== "invariance" ? LEXICON_BY_KEY.get(group.key) : undefined;
  if (entry) return entry.name;
  if (group.type === "invariance") return group.key;
  const counts = new Map<string, number>();
  for (const { text } of group.candidates) counts.set(text, (counts.get(text) ?? 0) + 1);
  const ownKey = (text: string) => Number(entityKey(text) !== group.key);
  const another = (text: string) => Number(readAs(text) !== undefined);
  const shouted = shoutedForms(group, counts);
  const byUse = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1);
  const [best] = [...counts].sort(
    (a, b) =>
      ownKey(a[0]) - ownKey(b[0]) ||
      another(a[0]) - another(b[0]) ||
      shouted(a[0]) - shouted(b[0]) ||
      byUse(a, b),
  ) as [[string, number]];
  const [most] = [...counts].sort(byUse) as [[string, number]];
  // Never another entity's own name: two nodes would read alike ("ChatGPT" that two papers
  // propose in their titles stays apart from the ChatGPT others spell out).
  const isName =
    ownKey(most[0]) === 1 &&
    !isAcronym(most[0]) &&
    !most[0].includes(" ") &&
    ownKey(best[0]) === 0 &&
    !liveGroup(others, entityKey(most[0]));
  return isName && most[1] >= NAME_OVER_LONG_FORM * best[1] ? most[0] : best[0];
}

/**
 * Whether a group's form is a short form or a shouted name, 1 or 0, to name the group after its
 * other forms: a short form names it where nothing else does, and a name in capitals where no
 * more papers write it otherwise ("POLYGUARD" in a title beside "PolyGuard"); "MIMIC-IV" in 72
 * papers names the node, not the "MimicIV" of one, and "GPT-5", not "gpt-5".
 */
function shoutedForms(group: Group, counts: ReadonlyMap<string, number>): (text: string) => number {
  const texts = [...counts.keys()];
  const capitals = texts.filter(isAcronym);
  const capital = (text: string) => Number(isAcronym(text));
  // Most groups have no name in capitals written otherwise too: papers need not be counted.
  if (capitals.length === 0) return capital;
  const otherwise = new Set(texts.filter((text) => !isAcronym(text)).map(entityKey));
  if (!capitals.some((text) => otherwise.has(entityKey(text)))) return capital;
  const papersOf = new Map<string, Set<number>>();
  group.candidates.forEach(({ text }, i) => {
    papersOf.set(text, (papersOf.get(text) ?? new Set()).add(group.papers[i] as number));
  });
  const lowerWriters = new Map<string, number>();
  for (const [text, papers] of papersOf)
    if (!isAcronym(text)) {
      const key = entityKey(text);
      lowerWriters.set(key, Math.max(lowerWriters.get(key) ?? 0, papers.size));
    }
  return (text) => {
    const lower = lowerWriters.get(entityKey(text));
    const writers = papersOf.get(text)?.size ?? 0;
    return Number(isAcronym(text) && (lower === undefined || writers <= lower));
  };
}

/**
 * Papers' candidates gathered into groups (one per entity to be), paper by paper. It remembers
 * which groups each paper joined, so a paper can be taken out and read again.
 */
interface Grouping {
  /** Groups by type, then by key. */
  groups: Record<EntityType, Map<string, Group>>;
  /** Whether the groups keep compact names (the analyses are read over, not held). */
  compact: boolean;
  joined: Group[][];
  /** Each paper's id, by index. */
  ids: string[];
  /** By paper, the keys of the names it proposes in its title alone (see joinTitleProposals). */
  titleProposals: Map<number, Set<string>>;
}

/**
 * Whether a paper's short form would join an entity its own text says it is not short for: "SD"
 * in "a Standard Definition (SD) map" or "Speaker Dependent (SD)" is no mention of the Stable
 * Diffusion the corpus's "SD" stands for. The paper names nothing by it: its long form was not
 * taken for an entity (one that was would define the short form here).
 */
function definedOtherwise(
  candidate: Candidate,
  key: string,
  { paper }: AnalyzedPaper,
  local: AcronymMap,
  acronyms: AcronymMap,
): boolean {
  if (candidate.type === "invariance" || !isAcronym(candidate.text)) return false;
  const shortKey = entityKey(candidate.text);
  // Only a short form read whole as the lexicon's or another paper's long form, as canonicalKey
  // reads it: "DC-SAM", its pieces spelled out, is a name of its own, as is one read as nothing.
  const read = LEXICON_BY_KEY.has(shortKey)
    ? lexiconKey(shortKey)
    : acronyms.get(shortKey)?.longKey;
  if (local.has(shortKey) || key !== read || key === shortKey) return false;
  const written = writtenLongForm(paper, candidate.text);
  if (written === undefined) return false;
  return !sharesAWord(written, key);
}

/**
 * A short form its paper spells out only in front of a name ("3D multi-object tracking (MOT)",
 * tagged alone) names that paper's one entity of its type whose key ends with the words: "MOT"
 * is the paper's 3D multi-object tracking. Where there is none or several, it stays a short form
 * of its own, as it is in the papers that never spell it out ("SMPL" beside "Skinned Multi-Person
 * Linear (SMPL) model").
 */
function spelledOutNames(candidates: readonly Candidate[], keys: string[], local: AcronymMap) {
  candidates.forEach((candidate, i) => {
    const words = local.get(keys[i] as string);
    if (words === undefined || words.type !== undefined) return;
    const named = new Set(
      keys.filter(
        (key, j) =>
          candidates[j]?.type === candidate.type && key !== "" && key.endsWith(words.inNames),
      ),
    );
    if (named.size === 1) keys[i] = [...named][0] as string;
  });
}

/** Whether a paper looks up any of these keys among the corpus's acronyms, alone or inside a name. */
function looksUpAny(analyzed: AnalyzedPaper, keys: ReadonlySet<string>): boolean {
  return analyzed.candidates.some(
    (candidate) =>
      keys.has(entityKey(candidate.text)) ||
      shortFormPieces(candidate.text).some((piece) => keys.has(piece)),
  );
}

function compactName({ type, text, role }: Candidate, slot: number): CompactName {
  return role ? { type, text, role, slot } : { type, text, slot };
}

function addPaper(
  grouping: Grouping,
  paper: number,
  analyzed: AnalyzedPaper,
  acronyms: AcronymMap,
) {
  const local = acronymMap([analyzed]);
  const candidates = analyzed.candidates;
  const proposed = new Set(
    candidates.flatMap((c) => (c.role === "proposed" ? [entityKey(c.text)] : [])),
  );
  const keys = candidates.map((candidate) => {
    const key = canonicalKey(candidate, local, acronyms, proposed);
    return definedOtherwise(candidate, key, analyzed, local, acronyms) ? "" : key;
  });
  spelledOutNames(candidates, keys, local);
  const inAbstract = new Set(
    candidates.flatMap((c) =>
      c.role === "proposed" && c.field !== "title" ? [entityKey(c.text)] : [],
    ),
  );
  grouping.titleProposals.set(paper, new Set([...proposed].filter((k) => !inAbstract.has(k))));
  const joined: Group[] = [];
  grouping.ids[paper] = analyzed.paper.id;
  candidates.forEach((candidate, i) => {
    const key = keys[i] as string;
    if (key === "") return;
    // The type is the paper's own: "self-supervised learning" is a task in one paper and a method
    // in another, and a node of each.
    const ofType = grouping.groups[candidate.type];
    let group = ofType.get(key);
    if (!group) {
      group = { type: candidate.type, key, candidates: [], papers: [] };
      ofType.set(key, group);
    }
    group.candidates.push(grouping.compact ? compactName(candidate, i) : candidate);
    group.papers.push(paper);
    if (key !== entityKey(candidate.text)) group.readOtherwise = true;
    joined.push(group);
  });
  grouping.joined[paper] = joined;
}

/**
 * Takes a paper's candidates out of the groups it joined. Where a group's candidates come from
 * matters to no output (names, aliases and paper lists are sorted), so the paper can join again
 * at the end.
 */
function removePaper(grouping: Grouping, paper: number) {
  for (const group of new Set(grouping.joined[paper])) {
    const keep = group.papers.map((p) => p !== paper);
    group.candidates = group.candidates.filter((_, i) => keep[i]);
    group.papers = group.papers.filter((_, i) => keep[i]);
  }
}

function uniqueId(type: EntityType, name: string, key: string, taken: Set<string>): string {
  // A name split off as its own (splitCapitalNames) keeps its S: method:darts, not method:dart.
  const own = CAPITALS_ENDING_IN_S.test(name) && key === name.toLowerCase();
  let id = `${type}:${own ? key : slug(name) || key}`;
  if (taken.has(id)) id = `${id}-${key}`;
  taken.add(id);
  return id;
}

/**
 * The corpus pass: resolves acronyms across papers, merges spellings into canonical entities
 * with stable ids, and turns candidates into mentions.
 */
export function canonicalize(papers: readonly AnalyzedPaper[]): Extraction {
  return canonicalizeLater(inMemory(papers))(new Map());
}

/**
 * The corpus pass begun on the analyses at hand (`known`, without the rest) and finished, with
 * the same result as canonicalize, once the rest are given: an add groups its 10,000 cached
 * papers while its new ones are still being analysed. Finishing (once) reads the new papers, and
 * again the known ones that looked up an acronym the new ones redefine. The pass reads the known
 * analyses over (votes, then groups, then mentions) rather than keeping them, so a source may
 * read them from the store each time.
 */
export function canonicalizeLater(
  known: AnalysesSource,
): (rest: ReadonlyMap<number, AnalyzedPaper>) => Extraction {
  const votes: AcronymVotes = new Map();
  known.forEach((analyzed) => {
    countAcronyms(votes, analyzed);
  });
  const before = resolveAcronyms(votes);
  const groups = Object.fromEntries(ENTITY_TYPES.map((type) => [type, new Map()]));
  const grouping: Grouping = {
    groups: groups as Grouping["groups"],
    compact: !known.holds,
    joined: [],
    ids: [],
    titleProposals: new Map(),
  };
  known.forEach((analyzed, paper) => {
    addPaper(grouping, paper, analyzed, before);
  });
  return (rest) => {
    for (const analyzed of rest.values()) countAcronyms(votes, analyzed);
    const acronyms = rest.size > 0 ? resolveAcronyms(votes) : before;
    const changed = changedAcronyms(before, acronyms);
    if (changed.size > 0) {
      known.forEach((analyzed, paper) => {
        if (!looksUpAny(analyzed, changed)) return;
        removePaper(grouping, paper);
        addPaper(grouping, paper, analyzed, acronyms);
      });
    }
    for (const [paper, analyzed] of rest) addPaper(grouping, paper, analyzed, acronyms);
    joinTitleProposals(grouping, acronyms);
    joinStrayTypes(grouping.groups);
    const analyzedAt = (paper: number) => rest.get(paper) ?? (known.at(paper) as AnalyzedPaper);
    joinNamesakes(grouping.groups, (paper, text) => ownLongForms(analyzedAt(paper), text));
    joinCoinedNames(grouping.groups, (paper, text) =>
      acronymMap([analyzedAt(paper)]).has(entityKey(text)),
    );
    joinSpacedNames(grouping.groups);
    splitCapitalNames(grouping.groups);
    joinModelHeads(grouping.groups.method, acronyms);
    const { entities, assigned } = entitiesOf(
      grouping,
      known.size,
      undecidedShortForms(votes, acronyms),
      acronyms,
    );
    // Finished once: the groups go before the mentions are made, and what each paper's mentions
    // are made of goes as they are.
    for (const type of ENTITY_TYPES) grouping.groups[type].clear();
    grouping.joined.length = 0;
    // The analyses read once more, each paper's mentions made from its own.
    const papers: PaperExtraction[] = new Array(known.size);
    const mentionsIn = (analyzed: AnalyzedPaper, paper: number) => {
      papers[paper] = { paper: analyzed.paper, mentions: mentionsOf(analyzed, assigned[paper]) };
      assigned[paper] = [];
    };
    known.forEach(mentionsIn);
    for (const [paper, analyzed] of rest) mentionsIn(analyzed, paper);
    return { papers, entities };
  };
}

/** How many papers must name an entity for a title's name of it to be the field's, not the paper's. */
const FIELD_NAME_PAPERS = 10;

/**
 * A name that titles alone propose ("ChatGPT for Automated Grading", "Trusting CHATGPT: ...") is
 * the entity the corpus defines it as, used there, when ten papers or more name that entity: at
 * 10,000 arXiv papers two such titles made a "ChatGPT" node beside the one of 49 papers. A name an
 * abstract proposes ("we propose CLEAR") stays the paper's own, and so does a title's name of a
 * rarer entity: "MOSAIC: ..." and "TRAIL: ..." propose methods of their own, not the MOSAIC or
 * TRAIL another paper spelled out.
 */
function joinTitleProposals({ groups, titleProposals }: Grouping, acronyms: AcronymMap): void {
  const methods = groups.method;
  for (const group of methods.values()) {
    // A lexicon entry's name is its entry's, as in canonicalKey, whatever the corpus spells out.
    if (LEXICON_BY_KEY.has(group.key)) continue;
    const long = acronyms.get(group.key);
    const field = long?.type === "method" ? methods.get(long.longKey) : undefined;
    if (!field || field === group || new Set(field.papers).size < FIELD_NAME_PAPERS) continue;
    const moves = group.papers.map((p) => titleProposals.get(p)?.has(group.key) === true);
    moveCandidates(group, field, moves, (c) => ({ ...c, role: "used" }));
  }
}

/** Moves the candidates `moves` marks (with their papers) from one group to another, as `as` remakes them. */
function moveCandidates(
  from: Group,
  into: Group,
  moves: readonly boolean[],
  as: (c: GroupedName) => GroupedName,
): void {
  from.candidates.forEach((c, i) => {
    if (!moves[i]) return;
    into.candidates.push(as(c));
    into.papers.push(from.papers[i] as number);
    if (entityKey(c.text) !== into.key) into.readOtherwise = true;
  });
  from.candidates = from.candidates.filter((_, i) => !moves[i]);
  from.papers = from.papers.filter((_, i) => !moves[i]);
}

/** Moves every candidate of a group into another, whose names its names then name (liveGroup). */
function joinGroup(from: Group, into: Group): void {
  moveCandidates(
    from,
    into,
    from.candidates.map(() => true),
    (c) => c,
  );
  from.joined = into;
}

/** "CLIP model", "T2I models": a name, then the head "model". */
const WITH_MODEL_HEAD = /^(\S+)[\s-]+models?$/i;

/**
 * A one-word short form or coined name written as a method and the same name with "model" after
 * it are one method: "CLIP model" is CLIP, and a bare "T2I" is the T2I models its papers mean
 * (readers annotate "VLA" as "Vision-Language-Action models"). Only a name's own node joins, not
 * an entity a paper spelled the name out as ("DG" of one paper's Differential Guidance is no "DG
 * models" of another's), and it joins the one group that most papers name with the head.
 */
function joinModelHeads(methods: ReadonlyMap<string, Group>, acronyms: AcronymMap): void {
  const withHead = new Map<string, Group>();
  // Counted once a group: a group of thousands of papers has hundreds of names with the head.
  const papersOf = new Map<Group, number>();
  const papers = (group: Group) => {
    const count = papersOf.get(group) ?? paperCount(group);
    papersOf.set(group, count);
    return count;
  };
  for (const group of [...methods.values()].sort((a, b) => (a.key < b.key ? -1 : 1)))
    for (const { text } of group.candidates) {
      const name = WITH_MODEL_HEAD.exec(text)?.[1];
      if (name === undefined || !shortForm(name)) continue;
      const key = entityKey(name);
      const other = withHead.get(key);
      if (key !== group.key && (!other || papers(group) > papers(other))) withHead.set(key, group);
    }
  for (const [key, headed] of withHead) {
    const bare = methods.get(key);
    if (!bare || bare === headed || bare.candidates.length === 0 || headed.candidates.length === 0)
      continue;
    // "T2I models" that the corpus spells out as text-to-image models: the bare short form joins
    // them only where the corpus reads it so, not where papers read it two ways ("CP": conformal
    // prediction, constraint programming), and the spelled-out node keeps its name.
    const spelledOut = !headed.key.startsWith(key);
    const inNames = acronyms.get(key)?.inNames;
    if (spelledOut && (inNames === undefined || !headed.key.startsWith(inNames))) continue;
    // Else the lexicon entry, or the node more papers name, keeps its own: GPT-4, not "GPT-4 model".
    const keepBare =
      !spelledOut &&
      (LEXICON_BY_KEY.has(bare.key) ||
        (!LEXICON_BY_KEY.has(headed.key) && paperCount(bare) > paperCount(headed)));
    const [from, into] = keepBare ? [headed, bare] : [bare, headed];
    joinGroup(from, into);
  }
}

/**
 * A name keeps a node of a second type only where at least this many papers give it that type and
 * the first type is given by fewer than this many times as many.
 */
const BOTH_TYPES_PAPERS = 5;
const BOTH_TYPES_TIMES = 3;

/**
 * A name has one type across the corpus unless papers really use it both ways: the papers that
 * give it a rarer type name the majority's entity ("vision-language model" a task in one paper, a
 * method in 468; "neural rendering" a task in 4 papers, a method in 14; "prompt injection" a
 * method in 2, a task in 3), where they write it as the majority does. Names papers do read both
 * ways keep a node of each type ("few-shot learning": 22 papers a method, 36 a task; "adversarial
 * attack": 18 a task, 42 a method); so do names as many papers give each type.
 */
function joinStrayTypes(groups: Grouping["groups"]): void {
  const typed = ENTITY_TYPES.filter((type) => type !== "invariance");
  const keys = new Set(typed.flatMap((type) => [...groups[type].keys()]));
  for (const key of keys) {
    const named = typed
      .flatMap((type) => groups[type].get(key) ?? [])
      .filter((g) => g.papers.length > 0);
    if (named.length < 2) continue;
    const [major, ...minor] = [...named].sort((a, b) => paperCount(b) - paperCount(a));
    const into = major as Group;
    const written = new Set(into.candidates.map((c) => titleCaseAside(c.text)));
    for (const group of minor) {
      const n = paperCount(group);
      const both = n >= BOTH_TYPES_PAPERS && paperCount(into) < BOTH_TYPES_TIMES * n;
      if (both || paperCount(into) === n) continue;
      if (!group.candidates.every((c) => writtenAsMajority(c, key, written))) continue;
      const all = group.candidates.map(() => true);
      moveCandidates(group, into, all, (c) => ({ ...c, type: into.type, role: undefined }));
    }
  }
}

/**
 * Whether a name of a rarer type is the majority's: plain words, whose capitals a title adds
 * ("Neural Rendering"), or written as the majority writes it, those capitals aside ("LLM
 * Fine-Tuning"), but not otherwise where a word has capitals of its own ("CoDEx", a benchmark, is
 * not the model "Codex"); and a short form only where it was read as the same long form, whose
 * type tells which it is ("SE", a task undefined, may be speech enhancement where a method is
 * squeeze-and-excitation; "DNN" read as deep neural network is that).
 */
function writtenAsMajority(c: GroupedName, key: string, written: ReadonlySet<string>): boolean {
  if (isAcronym(c.text)) return entityKey(c.text) !== key;
  const aside = titleCaseAside(c.text);
  return aside === aside.toLowerCase() || written.has(aside);
}

/** A name with each word that has no capital past its first letter in lower case, hyphens as spaces. */
const titleCaseAside = (text: string) =>
  text
    .split(/[\s-]+/)
    .map((word) => (/^.[^A-Z]*$/.test(word) ? word.toLowerCase() : word))
    .join(" ");

/**
 * The plain key that all of a group's names are written with, where the group's key reads them
 * otherwise ("LLAMA-3", keyed as Large Language Model Meta AI 3): else undefined.
 */
function writtenOtherwise(group: Group): string | undefined {
  if (!group.readOtherwise) return undefined;
  const keys = new Set(group.candidates.map((c) => entityKey(c.text)));
  const [written] = keys;
  return keys.size === 1 && written !== group.key ? written : undefined;
}

/** The long forms (by key) a paper itself gives a name's short form, or those inside it. */
function ownLongForms(analyzed: AnalyzedPaper, text: string): string[] {
  const local = acronymMap([analyzed]);
  if (local.size === 0) return [];
  return [entityKey(text), ...shortFormPieces(text)].flatMap(
    (short) => local.get(short)?.longKey ?? [],
  );
}

/** At most this many papers read a name apart from this many times as many (joinNamesakes). */
const STRAY_NAMESAKE_PAPERS = 2;
const NAMESAKE_MAJORITY_TIMES = 10;

/**
 * A name written alike, case and hyphens aside, is one entity where one or two papers read it
 * apart from ten times as many papers that write it so: a short form inside it that the corpus
 * spells out had made it a key of its own. At 74,722 arXiv papers one paper's "LLAMA-3" (its
 * LLAMA read as "Large Language Model Meta AI") stood beside the 236 papers' Llama-3 and took its
 * id (25 such names there: LLaMA, BRATS-2020, M-LLM, T2I generation). Where the paper spells the
 * short form out itself, the many must write that long form: "Alzheimer's disease (AD)" is no
 * autonomous driving, which a 213-paper node writes AD, nor are "text-to-vector (T2V) models"
 * text-to-video models. A group named more than one way, or only as its long form, stays.
 */
function joinNamesakes(
  groups: Grouping["groups"],
  longFormsOf: (paper: number, text: string) => string[],
): void {
  for (const type of ENTITY_TYPES) {
    if (type === "invariance") continue;
    const ofType = [...groups[type].values()].sort((a, b) => (a.key < b.key ? -1 : 1));
    // Groups of one or two papers named one way, not as their key, by that name's plain key.
    const strays = new Map<string, Group[]>();
    for (const group of ofType) {
      const only = writtenOtherwise(group);
      if (only !== undefined && paperCount(group) <= STRAY_NAMESAKE_PAPERS)
        strays.set(only, [...(strays.get(only) ?? []), group]);
    }
    if (strays.size === 0) continue;
    // Which papers of which group write each of those names.
    const writers = new Map<string, Map<Group, Set<number>>>();
    for (const group of ofType)
      group.candidates.forEach((c, i) => {
        const key = entityKey(c.text);
        if (!strays.has(key)) return;
        const byGroup = writers.get(key) ?? new Map<Group, Set<number>>();
        const papers = byGroup.get(group) ?? new Set<number>();
        papers.add(group.papers[i] as number);
        byGroup.set(group, papers);
        writers.set(key, byGroup);
      });
    for (const [key, ofKey] of strays)
      for (const stray of ofKey) {
        const [into, writing] = [...(writers.get(key) ?? [])]
          .filter(([group]) => group !== stray && group.candidates.length > 0)
          .sort((a, b) => b[1].size - a[1].size)[0] ?? [undefined, new Set()];
        if (!into || writing.size < NAMESAKE_MAJORITY_TIMES * paperCount(stray)) continue;
        const forms = [into.key, ...new Set(into.candidates.map((c) => entityKey(c.text)))];
        const agrees = (long: string) => forms.some((form) => form.includes(long));
        const own = stray.candidates.flatMap((c, i) =>
          longFormsOf(stray.papers[i] as number, c.text),
        );
        if (!own.every(agrees)) continue;
        const all = stray.candidates.map(() => true);
        moveCandidates(stray, into, all, (c) => c);
      }
  }
}

/** Whether a name has a head noun that makes it a class ("T2V Models", "LLM agents"). */
const namesAClass = (text: string) =>
  singularWords(text).some(
    (word) => TASK_HEADS.has(word) || METHOD_HEADS.has(word) || DATASET_HEADS.has(word),
  );

/**
 * A coined name: every piece a capital, a digit or a word with one ("Grad-CAM", "LEVIR-CD",
 * "Qwen2.5-VL", "VQA-v2"), and no head noun that makes it a class.
 */
const coinedName = (text: string) =>
  text.split(/[\s-]+/).every((piece) => /^[A-Z0-9]|\d/.test(piece)) && !namesAClass(text);

/** A name written as one word with two capitals or more ("SWEBench", "EdgeAI"): a coined one. */
const GLUED_NAME = /^[^\s-]*[A-Z][^\s-]*[A-Z][^\s-]*$/;

/**
 * Where others write a name as one word ("SWEBench"), it is coined however its other words are
 * cased ("SWE-bench"), if it begins and, but for a dataset, ends as a name does: "streaming LLMs"
 * and "LLM graders" are classes of models beside the StreamingLLM and LLMGrader methods.
 */
const gluedName = (text: string, type: EntityType) =>
  /^[A-Z0-9]/.test(text) &&
  (type === "dataset" || /[A-Z0-9][^\s-]*$/.test(text)) &&
  !namesAClass(text);

/** The pieces of a name between spaces and hyphens: a coined name of two or more is no bare short form. */
const namePieces = (text: string) => text.split(/[\s-]+/).filter(Boolean).length;

/**
 * A bare short form of four characters or fewer ("ATT", "GC", "PRAG"): so many things go by one
 * that its writing says nothing of which (one paper's "ATT" is no AT&T).
 */
const briefShortForm = (text: string) =>
  isAcronym(text) && namePieces(text) < 2 && text.replace(/[^A-Za-z0-9]/g, "").length <= 4;

/**
 * A coined name is the entity that goes by it as written, wherever a short form inside it was
 * spelled out: a paper's own "class activation map (CAM)" had made its "Grad-CAM" a node beside
 * the Grad-CAM of 13 papers at 10,000 arXiv papers, with the same label, and "VQA-v2" stood beside
 * "VQAv2". Where no node goes by the name as written, its spellings of two pieces or more are one
 * node: "HICO-DET" in capitals, its pieces read as two short forms the corpus defines, stood
 * beside "HICO-Det" at 74,722 papers. A name its paper defines stays its own where it proposes
 * it ("Diffusion-based VI-ReID data Expansion (DiVE)") or where it is a bare short form ("AD" of
 * "Alzheimer's disease"), but the papers that spell "ARC-AGI" out use the ARC-AGI others name.
 * Lexicon entries stay as they are.
 */
function joinCoinedNames(
  groups: Grouping["groups"],
  definesName: (paper: number, text: string) => boolean,
): void {
  const ownName = (c: GroupedName, paper: number) =>
    (c.role === "proposed" || namePieces(c.text) < 2) && definesName(paper, c.text);
  for (const type of ENTITY_TYPES) {
    if (type === "invariance") continue;
    const ofType = groups[type];
    // Groups of coined names whose key reads a short form inside them, by the name's plain key.
    const byWritten = new Map<string, Group[]>();
    const readOtherwise = [...ofType.values()].filter((group) => group.readOtherwise);
    for (const group of readOtherwise.sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const written = writtenOtherwise(group);
      if (written === undefined || LEXICON_BY_KEY.has(group.key)) continue;
      const plain = liveGroup(ofType, written);
      const glued = plain?.candidates.some((c) => GLUED_NAME.test(c.text)) === true;
      const coined = group.candidates.every(
        (c, i) =>
          (glued ? gluedName(c.text, type) : coinedName(c.text)) &&
          !briefShortForm(c.text) &&
          !ownName(c, group.papers[i] as number),
      );
      if (coined) byWritten.set(written, [...(byWritten.get(written) ?? []), group]);
    }
    for (const [written, coined] of byWritten) {
      const pieced = coined.filter((group) => namePieces(group.candidates[0]?.text ?? "") > 1);
      const [largest] = [...pieced].sort((a, b) => paperCount(b) - paperCount(a));
      const into = liveGroup(ofType, written) ?? largest;
      for (const group of into === largest ? pieced : coined) {
        if (group !== into && into) joinGroup(group, into);
      }
    }
  }
}

/** A name's words as written, run together, no plural read: "BraTS 2020" and "BraTS2020" are "brats2020". */
const writtenKey = (text: string) => phraseWords(text).join("");

/** A word of a name ending in a capital S ("BraTS", "THUMOS", "CrowS-Pairs"): the S may be its own. */
const CAPITAL_S_WORD = /[A-Za-z]S(?![A-Za-z])/;

/**
 * A name written with and without a space or hyphen after a word ending in a capital S is one
 * node: keys read such a word as a plural where it stands alone ("BraTS 2020" as "brat2020") but
 * not inside a longer word ("BraTS2020"), so at 74,722 arXiv papers BraTS 2020 and BraTS2020 were
 * nodes of 20 and 16 papers (and so for every BraTS year, THUMOS-14 and FLORES-200).
 * The node more papers name takes the other's. Only nodes keyed as their names are written meet
 * so, and only at a capital S: a small one is a plural ("LLMs").
 */
function joinSpacedNames(groups: Grouping["groups"]): void {
  for (const type of ENTITY_TYPES) {
    if (type === "invariance") continue;
    const ofType = groups[type];
    const spaced = [...ofType.values()].filter((group) => {
      const first = group.candidates[0];
      return first !== undefined && CAPITAL_S_WORD.test(first.text) && !group.joined;
    });
    for (const group of spaced.sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const texts = new Set(group.candidates.map((c) => c.text));
      const [written] = new Set([...texts].map(writtenKey));
      const plain = [...texts].every(
        (t) => entityKey(t) === group.key && writtenKey(t) === written,
      );
      if (!plain || written === undefined || written === group.key) continue;
      const other = liveGroup(ofType, written);
      if (!other || other === group || LEXICON_BY_KEY.has(other.key)) continue;
      if (!other.candidates.every((c) => writtenKey(c.text) === written)) continue;
      const [from, into] = paperCount(other) > paperCount(group) ? [group, other] : [other, group];
      joinGroup(from, into);
    }
  }
}

/** A short form in capitals ending in a capital S: "WILDS", "DARTS", "SMILES", "MMRS". */
const CAPITALS_ENDING_IN_S = /^[A-Z0-9][A-Z0-9-]*[A-Z]S$/;

/**
 * A name in capitals ending in a capital S is no plural of the name without it where the corpus
 * writes both and no other form shouts it: the WILDS benchmark is not the WILD dataset, nor
 * SMILES (molecules as text) the method SMILE, nor DARTS the DART another paper proposes, though
 * keys read plurals alike; plurals of short forms take a small s ("LLMs", "3DGs"). Written as a
 * form of the group in capitals ("BRATS" for BraTS, "APTOS" for Aptos), it stays; as a short
 * form's plural in capitals ("LLMS" for LLMs), only where its papers write the group otherwise
 * too: one paper's "4.15 mm RMS accuracy" is no reward models (RMs).
 * Split off, it is a group of its own, keyed as written. The forms a lexicon entry lists stay its
 * own.
 */
function splitCapitalNames(groups: Grouping["groups"]): void {
  for (const type of ENTITY_TYPES) {
    if (type === "invariance") continue;
    const ofType = groups[type];
    for (const group of [...ofType.values()]) {
      // A form a lexicon entry lists is the entry's ("DARTS", were it listed); CLIPS, another
      // paper's model beside CLIP, is not CLIP's for meeting its key.
      const entry = LEXICON_BY_KEY.get(group.key);
      const listed = new Set(entry ? [entry.name, ...entry.aliases] : []);
      const forms = new Set(group.candidates.map((c) => c.text));
      const capitals = [...forms].filter(
        (form) => CAPITALS_ENDING_IN_S.test(form) && !listed.has(form),
      );
      // Most groups have none: their forms are not read again in capitals.
      if (capitals.length === 0) continue;
      const shouted = new Set([...forms].map((form) => form.toUpperCase()));
      for (const form of capitals) {
        if (!shouted.has(form.slice(0, -1))) continue;
        // Split off, a form the lexicon reads as this group would take the group's name along.
        if (lexiconKey(form.toLowerCase()) === group.key) continue;
        const alike = [...forms].filter((other) => other !== form && other.toUpperCase() === form);
        // A name written otherwise that is no short form's plural ("SaaS", "Logos") is the same
        // name; beside a plural ("RMs"), the form must be written beside the group's others.
        const plurals = alike.every((other) => SHORT_FORM_PLURAL.test(other));
        if (alike.length > 0 && (!plurals || writtenBesideOtherForms(group, form))) continue;
        const key = form.toLowerCase();
        let own = ofType.get(key);
        if (!own) {
          own = { type, key, candidates: [], papers: [] };
          ofType.set(key, own);
        }
        moveCandidates(
          group,
          own,
          group.candidates.map((c) => c.text === form),
          (c) => c,
        );
      }
    }
  }
}

/** A short form's plural: capitals and digits, then a small s ("RMs", "GPs", "PINNs"). */
const SHORT_FORM_PLURAL = /^[A-Z0-9][A-Z0-9-]*s$/;

/**
 * Whether every paper that writes a form writes another form of its group too: "LLMS" beside
 * "large language models" is their plural in capitals, where one paper's "4.15 mm RMS accuracy"
 * alone is no plural of the reward models (RMs) other papers write.
 */
function writtenBesideOtherForms(group: Group, form: string): boolean {
  const writers = new Set(group.papers.filter((_, i) => group.candidates[i]?.text === form));
  const others = new Set(group.papers.filter((_, i) => group.candidates[i]?.text !== form));
  return [...writers].every((paper) => others.has(paper));
}

/**
 * "Invariant", "equivariance", "symmetric": the word that says a paper is about invariance names
 * no kind of it, so it is never an alias of one (the mention stays, for its sentence).
 */
const BARE_INVARIANCE_WORD = /^(in|equi|co)varian(t|ts|ce|ces)$|^symmetr(y|ies|ic)$/i;

/**
 * A paper's shorthand for its entity that names a broader class ("pose estimation" for "6D object
 * pose estimation"), with or without words of manner ("generalizable reasoning" for "multimodal
 * reasoning"): its mention stays the entity's, but it is no name of the entity, so never an alias
 * (an alias answers search and stands for the node in every paper).
 */
function broader(text: string, nameWords: readonly string[]): boolean {
  const words = singularWords(text);
  let start = 0;
  // The name's own words, cased or hyphenated otherwise, spell it: "Low Rank Adaptation" of
  // low-rank adaptation is no shorthand for it, though "low" is a word of manner.
  while (
    start < words.length - 1 &&
    MANNER.has(words[start] as string) &&
    !sameWords(words.slice(start), nameWords)
  )
    start++;
  return endsWith(nameWords, words.slice(start));
}

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((word, i) => word === b[i]);

/**
 * A short form the corpus defines two ways, none by a clear majority ("LVMs": large vision
 * models, large video models, large vision-language models), is no name of an entity several
 * papers share unless it spells that entity's name: the defining paper's mention stays the
 * entity's, but the short form does not stand for it in every paper, nor answer its search. An
 * entity of one paper keeps the short form that paper gave it.
 */
function ambiguousShortForm(
  text: string,
  group: Group,
  name: string,
  undecided: ReadonlySet<string>,
): boolean {
  return (
    isAcronym(text) &&
    undecided.has(entityKey(text)) &&
    paperCount(group) > 1 &&
    !spellsInitials(text, name)
  );
}

/**
 * A form that, read as the corpus reads it, is another entity's own name: one paper's "MLLMs"
 * (multimodal large language models, a node of their own) among its large language models, "RL"
 * among reasoning large language models, or "image synthesis" (image generation) written beside
 * "text-to-image generation". Its mention stays where its paper put it, but it stands for the
 * other node, which search must find by it, not this one.
 */
function namesAnother(
  text: string,
  name: string,
  ofType: ReadonlyMap<string, Group>,
  readAs: OtherReader,
): boolean {
  const key = readAs(text);
  if (key === undefined || mannerVariant(ofType.get(key) as Group, name)) return false;
  // A short form or coined name is another entity's only where the corpus spells it out as that
  // entity and it does not spell this one's name: "ASR" or "SfM" that other papers leave
  // undefined, making a node of its own, is still the short form a paper defines for automatic
  // speech recognition or structure-from-motion, and "IR" stays information retrieval's,
  // whatever else papers call IR.
  return !shortForm(text) || (key !== entityKey(text) && !spellsInitials(text, name));
}

/**
 * Whether another entity's name is this one's with words of manner in front: papers write
 * "large vision-language models" (LVLMs) for the vision-language models others write, and an
 * expert reads the two as one class, where "multimodal" or "reasoning" name a narrower one.
 */
function mannerVariant(other: Group, name: string): boolean {
  const spelled = other.candidates.find((c) => entityKey(c.text) === other.key);
  if (!spelled) return false;
  const words = singularWords(spelled.text);
  const nameWords = singularWords(name);
  const added = words.slice(0, words.length - nameWords.length);
  return endsWith(words, nameWords) && added.every((word) => MANNER.has(word));
}

/** The key of the other entity of a group's type that the corpus reads a form as, if any. */
type OtherReader = (text: string) => string | undefined;

/** A group's OtherReader, each form read once: its name and its aliases ask of the same forms. */
function otherReader(
  group: Group,
  ofType: ReadonlyMap<string, Group>,
  acronyms: AcronymMap,
): OtherReader {
  if (group.type === "invariance") return () => undefined;
  const read = new Map<string, string | undefined>();
  return (text) => {
    if (read.has(text)) return read.get(text);
    const other = liveGroup(
      ofType,
      nameKey(text, group.type, NO_ACRONYMS, acronyms, NONE_PROPOSED),
    );
    const key = other !== undefined && other !== group ? other.key : undefined;
    read.set(text, key);
    return key;
  };
}

/** A short form or a coined one-word name: "LLMs", "SfM", "LoRA", "Grad-CAM". */
const shortForm = (text: string) => isAcronym(text) || /^[^\s]*[A-Z][^\s]*[A-Z][^\s]*$/.test(text);

/** A group's forms that name it alone, but its name (see broader, ambiguousShortForm, namesAnother). */
function aliasesOf(
  group: Group,
  name: string,
  ofType: ReadonlyMap<string, Group>,
  readAs: OtherReader,
  undecided: ReadonlySet<string>,
): string[] {
  const nameWords = singularWords(name);
  return [...new Set(group.candidates.map((c) => c.text))]
    .filter(
      (a) =>
        a !== name &&
        !BARE_INVARIANCE_WORD.test(a) &&
        !broader(a, nameWords) &&
        !ambiguousShortForm(a, group, name, undecided) &&
        !namesAnother(a, name, ofType, readAs),
    )
    .sort();
}

/** A paper's candidate as a group held it, with its entity and the paper's role for it. */
interface Assigned {
  name: GroupedName;
  entityId: string;
  role: MethodRole | undefined;
}

/** Entities of the groups, with stable ids, and by paper the candidates that mention each. */
function entitiesOf(
  { groups, ids: paperIds }: Grouping,
  size: number,
  undecided: ReadonlySet<string>,
  acronyms: AcronymMap,
): { entities: Entity[]; assigned: Assigned[][] } {
  const assigned: Assigned[][] = Array.from({ length: size }, () => []);
  const entities: Entity[] = [];
  joinPaperTasks(groups.task);
  // By type, then key, as the mentions are made. A paper read again under another acronym, or
  // whose task forms joined, may leave a group empty.
  const types = [...ENTITY_TYPES].sort();
  const named = types.flatMap((type) =>
    [...groups[type].values()]
      .filter((group) => group.candidates.length > 0)
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .map((group) => {
        const readAs = otherReader(group, groups[type], acronyms);
        const name = displayName(group, groups[type], readAs);
        const aliases = aliasesOf(group, name, groups[type], readAs, undecided);
        return { group, name, aliases, papers: paperCount(group) };
      }),
  );
  // Of nodes whose names make one id, the one most papers name takes it: at 74,722 arXiv papers
  // `method:sat-solver` is the SAT solvers of 13 papers, not those of one paper that spelled SAT
  // out itself.
  const ids = new Map<Group, string>();
  const taken = new Set<string>();
  for (const { group, name } of [...named].sort((a, b) => b.papers - a.papers))
    ids.set(group, uniqueId(group.type, name, group.key, taken));
  for (const { group, name, aliases } of named) {
    const { type, candidates } = group;
    const entityId = ids.get(group) as string;
    const proposedIn = new Set(group.papers.filter((_, i) => candidates[i]?.role === "proposed"));
    candidates.forEach((name, i) => {
      const paper = group.papers[i] as number;
      const role: MethodRole | undefined =
        type === "method" ? (proposedIn.has(paper) ? "proposed" : "used") : undefined;
      assigned[paper]?.push({ name, entityId, role });
    });
    const papers = [...new Set(group.papers)].map((p) => paperIds[p] as string).sort();
    entities.push({ id: entityId, type, name, aliases, papers });
  }
  return { entities: entities.sort((a, b) => (a.id < b.id ? -1 : 1)), assigned };
}

/**
 * A paper's mentions, in the order they are written, made from its analysis and what the pass
 * made of its candidates.
 */
function mentionsOf({ candidates }: AnalyzedPaper, assigned: readonly Assigned[] = []): Mention[] {
  return assigned
    .map(({ name, entityId, role }) =>
      toMention(
        "slot" in name ? (candidates[name.slot] as Candidate) : name,
        name.type,
        entityId,
        role,
      ),
    )
    .sort((a, b) =>
      a.field === b.field ? a.start - b.start || a.end - b.end : a.field === "title" ? -1 : 1,
    );
}

function toMention(
  candidate: Candidate,
  type: EntityType,
  entityId: string,
  role: MethodRole | undefined,
): Mention {
  const mention: Mention = {
    type,
    text: candidate.text,
    field: candidate.field,
    start: candidate.start,
    end: candidate.end,
    sentence: candidate.sentence,
    rule: candidate.rule,
    entityId,
  };
  if (role) mention.role = role;
  if (candidate.invariance) mention.invariance = candidate.invariance;
  return mention;
}
