/**
 * Corrections applied to an extraction, in file order, after canonicalization: the graph is then
 * built from what the user said is right. Pure and deterministic: the same extraction and
 * corrections give the same entities, ids and mentions.
 */
import { entityKey, slug } from "../extract/index.js";
import { titleKey } from "../ingest/index.js";
import type {
  Entity,
  EntityType,
  Extraction,
  InvarianceKind,
  Mention,
  PaperExtraction,
} from "../types.js";
import {
  type Correction,
  CorrectionError,
  type EntityRef,
  isEntityId,
  where,
} from "./corrections.js";

export interface AppliedCorrections {
  extraction: Extraction;
  /** Corrections that named no entity or paper of this corpus: kept, they may apply later. */
  unused: Correction[];
}

/** The rule a mention added by a correction carries. */
export const CORRECTION_RULE = "correction";

/** The working copy corrections change: entities by id, and which papers mention each. */
class Curation {
  readonly entities = new Map<string, Entity>();
  /** Entity ids by the key of every name and alias. */
  readonly byName = new Map<string, Set<string>>();
  readonly papers: PaperExtraction[];
  readonly paperIndex = new Map<string, number>();
  /**
   * The papers that may mention each entity (a paper stays listed after its mentions leave): a
   * correction looks at those, not at every paper of the corpus, so a long thesaurus stays fast.
   */
  readonly #papersNaming = new Map<string, Set<PaperExtraction>>();

  constructor(extraction: Extraction) {
    this.papers = extraction.papers.map(({ paper, mentions }) => ({
      paper,
      mentions: mentions.map((m) => ({ ...m })),
    }));
    for (const paper of this.papers)
      for (const mention of paper.mentions) this.track(mention.entityId, paper);
    for (const entity of extraction.entities)
      this.#put({ ...entity, aliases: [...entity.aliases] });
    this.papers.forEach(({ paper }, i) => {
      for (const key of [paper.id, paper.arxivId, titleKey(paper.title)])
        if (key && !this.paperIndex.has(key)) this.paperIndex.set(key, i);
    });
  }

  #put(entity: Entity): void {
    this.entities.set(entity.id, entity);
    for (const name of [entity.name, ...entity.aliases]) this.#index(name, entity.id);
  }

  #index(name: string, id: string): void {
    const key = entityKey(name);
    const ids = this.byName.get(key) ?? new Set();
    ids.add(id);
    this.byName.set(key, ids);
  }

  /** The entities a reference names, in id order. */
  resolve({ ref, type }: EntityRef): Entity[] {
    if (isEntityId(ref)) {
      const entity = this.entities.get(ref);
      return entity ? [entity] : [];
    }
    const ids = [...(this.byName.get(entityKey(ref)) ?? [])].sort();
    return ids
      .map((id) => this.entities.get(id))
      .filter((e): e is Entity => e !== undefined && (!type || e.type === type));
  }

  paper(ref: string): PaperExtraction | undefined {
    const index = this.paperIndex.get(ref) ?? this.paperIndex.get(titleKey(ref));
    return index === undefined ? undefined : this.papers[index];
  }

  /** Notes that a paper now mentions an entity. */
  track(id: string, paper: PaperExtraction): void {
    const papers = this.#papersNaming.get(id);
    if (papers) papers.add(paper);
    else this.#papersNaming.set(id, new Set([paper]));
  }

  /** The papers that may mention an entity. */
  papersNaming(id: string): PaperExtraction[] {
    return [...(this.#papersNaming.get(id) ?? [])];
  }

  /** Every mention of an entity, in every paper (or in one). */
  mentionsOf(id: string, only?: PaperExtraction): Mention[] {
    return (only ? [only] : this.papersNaming(id)).flatMap((p) =>
      p.mentions.filter((m) => m.entityId === id),
    );
  }

  remove(id: string): void {
    this.entities.delete(id);
  }

  merge(from: Entity, into: Entity): void {
    if (from.id === into.id) return;
    for (const mention of this.mentionsOf(from.id)) mention.entityId = into.id;
    for (const paper of this.papersNaming(from.id)) this.track(into.id, paper);
    into.aliases.push(from.name, ...from.aliases);
    for (const name of [from.name, ...from.aliases]) this.#index(name, into.id);
    this.remove(from.id);
  }

  rename(entity: Entity, label: string): void {
    entity.aliases.push(entity.name);
    entity.name = label;
    this.#index(label, entity.id);
  }

  /** A fresh entity, under an id no other holds. */
  create(type: EntityType, name: string): Entity {
    let id = `${type}:${slug(name) || entityKey(name)}`;
    for (let n = 2; this.entities.has(id); n++) id = `${type}:${slug(name)}-${n}`;
    const entity: Entity = { id, type, name, aliases: [], papers: [] };
    this.#put(entity);
    return entity;
  }

  retype(entity: Entity, to: EntityType): void {
    const target = this.resolve({ ref: entity.name, type: to })[0];
    const moved = target ?? this.create(to, entity.name);
    for (const mention of this.mentionsOf(entity.id)) {
      mention.type = to;
      delete mention.invariance;
      if (to === "method") mention.role ??= "used";
      else delete mention.role;
    }
    this.merge(entity, moved);
  }

  /** The extraction as it now stands: papers and aliases recounted, everything in stable order. */
  result(): Extraction {
    const papersOf = new Map<string, Set<string>>();
    for (const { paper, mentions } of this.papers)
      for (const m of mentions) {
        const ids = papersOf.get(m.entityId) ?? new Set();
        ids.add(paper.id);
        papersOf.set(m.entityId, ids);
      }
    const entities = [...this.entities.values()]
      .filter((e) => papersOf.has(e.id))
      .map((e) => ({
        ...e,
        aliases: [...new Set(e.aliases)].filter((a) => a !== e.name).sort(),
        papers: [...(papersOf.get(e.id) as Set<string>)].sort(),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    return { papers: this.papers, entities };
  }
}

/** Where a name first stands in a paper, as a mention's span and sentence. */
function spanOf(extraction: PaperExtraction, names: readonly string[]) {
  for (const field of ["title", "abstract"] as const) {
    const text = extraction.paper[field];
    const lower = text.toLowerCase();
    for (const name of names) {
      const start = lower.indexOf(name.toLowerCase());
      if (start < 0) continue;
      const end = start + name.length;
      const from = Math.max(text.lastIndexOf(". ", start) + 1, 0);
      const stop = text.indexOf(". ", end);
      const sentence = text.slice(from, stop < 0 ? text.length : stop + 1).trim();
      return { field, start, end, text: text.slice(start, end), sentence };
    }
  }
  return { field: "abstract" as const, start: 0, end: 0, text: names[0] ?? "", sentence: "" };
}

/**
 * A merge whose two names are entities here, none of one type: it would change nothing (a merge
 * joins entities of one type), so it stops the build as a merge of two typed ids does.
 */
function refuseAcrossTypes(
  correction: Correction & { action: "merge" },
  entities: readonly Entity[],
  targets: readonly Entity[],
): void {
  if (entities.length === 0 || targets.length === 0) return;
  if (entities.some((e) => targets.some((t) => t.type === e.type))) return;
  const from = (entities[0] as Entity).type;
  const to = (targets[0] as Entity).type;
  throw new CorrectionError(
    `${where(correction.source)}: cannot merge a ${from} into a ${to} ("${correction.entity.ref}" into "${correction.into.ref}"); retype it first`,
  );
}

/** Applies one correction; false when it named nothing here. */
function apply(curation: Curation, correction: Correction): boolean {
  const entities = curation.resolve(correction.entity);
  switch (correction.action) {
    case "merge": {
      const targets = curation.resolve(correction.into);
      refuseAcrossTypes(correction, entities, targets);
      let applied = false;
      for (const entity of entities) {
        const target = targets.find((t) => t.type === entity.type && t.id !== entity.id);
        if (target) curation.merge(entity, target);
        else if (targets.length === 0 && !isEntityId(correction.into.ref))
          curation.rename(entity, correction.into.ref);
        else continue;
        applied = true;
      }
      return applied;
    }
    case "rename":
      for (const entity of entities) curation.rename(entity, correction.label);
      return entities.length > 0;
    case "retype":
      for (const entity of entities)
        if (entity.type !== correction.to) curation.retype(entity, correction.to);
      return entities.length > 0;
    case "drop": {
      const only = correction.paper === undefined ? undefined : curation.paper(correction.paper);
      if (correction.paper !== undefined && !only) return false;
      for (const entity of entities) {
        if (!only) curation.remove(entity.id);
        for (const paper of only ? [only] : curation.papersNaming(entity.id))
          paper.mentions = paper.mentions.filter((m) => m.entityId !== entity.id);
      }
      return entities.length > 0;
    }
    case "split": {
      const paper = curation.paper(correction.paper);
      if (!paper) return false;
      let applied = false;
      for (const entity of entities) {
        const moved = curation.mentionsOf(entity.id, paper);
        if (moved.length === 0) continue;
        const target =
          curation.resolve({ ref: correction.into, type: entity.type })[0] ??
          curation.create(entity.type, correction.into);
        for (const mention of moved) mention.entityId = target.id;
        curation.track(target.id, paper);
        target.aliases.push(...moved.map((m) => m.text));
        applied = true;
      }
      return applied;
    }
    case "add": {
      const paper = curation.paper(correction.paper);
      if (!paper) return false;
      const { ref, type } = correction.entity;
      const entity =
        entities[0] ?? curation.create(type, isEntityId(ref) ? ref.slice(type.length + 1) : ref);
      if (curation.mentionsOf(entity.id, paper).length > 0) return true;
      const span = spanOf(paper, [entity.name, ...entity.aliases]);
      const mention: Mention = { type, ...span, rule: CORRECTION_RULE, entityId: entity.id };
      if (type === "method") mention.role = "used";
      if (type === "invariance") {
        const kind = entity.id.slice("invariance:".length) as InvarianceKind;
        mention.invariance = { kind, relation: "invariant" };
      }
      paper.mentions.push(mention);
      curation.track(entity.id, paper);
      paper.mentions.sort((a, b) =>
        a.field === b.field ? a.start - b.start || a.end - b.end : a.field === "title" ? -1 : 1,
      );
      return true;
    }
  }
}

/** Applies corrections in order; those that named nothing are returned as unused. */
export function applyCorrections(
  extraction: Extraction,
  corrections: readonly Correction[],
): AppliedCorrections {
  if (corrections.length === 0) return { extraction, unused: [] };
  const curation = new Curation(extraction);
  const unused = corrections.filter((correction) => !apply(curation, correction));
  return { extraction: curation.result(), unused };
}
