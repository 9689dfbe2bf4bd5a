/**
 * The corrections file: what a user knows better than the extractor, one action a line (JSON
 * Lines), applied after canonicalization in file order. Parsing is pure; a bad line is a
 * CorrectionError naming the file and the line, and nothing is applied.
 */
import { PapergraphError } from "../errors.js";
import { entityKey } from "../extract/index.js";
import { ENTITY_TYPES, type EntityType } from "../types.js";

/** Where a correction was written. */
export interface CorrectionSource {
  file: string;
  line: number;
}

/**
 * An entity as a correction names it: its id ("method:graph-neural-network"), or any name or alias
 * it goes by ("GNN"), optionally narrowed to one type.
 */
export interface EntityRef {
  ref: string;
  type?: EntityType;
}

export type Correction = (
  | { action: "merge"; entity: EntityRef; into: EntityRef }
  | { action: "rename"; entity: EntityRef; label: string }
  | { action: "retype"; entity: EntityRef; to: Exclude<EntityType, "invariance"> }
  | { action: "drop"; entity: EntityRef; paper?: string }
  | { action: "split"; entity: EntityRef; paper: string; into: string }
  | { action: "add"; entity: EntityRef & { type: EntityType }; paper: string }
) & { source: CorrectionSource };

export type CorrectionAction = Correction["action"];

export const CORRECTION_ACTIONS: readonly CorrectionAction[] = [
  "merge",
  "rename",
  "retype",
  "drop",
  "split",
  "add",
];

/** A correction that cannot be read or cannot hold; names every line involved. */
export class CorrectionError extends PapergraphError {}

const ID = /^(method|dataset|task|invariance):\S+$/;

/** True when a reference is an entity id rather than a name. */
export function isEntityId(ref: string): boolean {
  return ID.test(ref);
}

/** A reference's key: ids as written, names by the key canonicalization merges spellings under. */
export function refKey({ ref, type }: EntityRef): string {
  return isEntityId(ref) ? ref : `${type ?? "*"}:${entityKey(ref)}`;
}

export function where(source: CorrectionSource): string {
  return `${source.file}:${source.line}`;
}

function text(record: Record<string, unknown>, field: string, at: string): string {
  const value = record[field];
  if (typeof value !== "string" || value.trim() === "")
    throw new CorrectionError(`${at}: "${field}" must be a non-empty string`);
  return value.trim();
}

function optionalText(record: Record<string, unknown>, field: string, at: string) {
  return record[field] === undefined ? undefined : text(record, field, at);
}

function entityType(value: unknown, at: string, field = "type"): EntityType | undefined {
  if (value === undefined) return undefined;
  if (!ENTITY_TYPES.includes(value as EntityType))
    throw new CorrectionError(
      `${at}: "${field}" must be one of ${ENTITY_TYPES.join(", ")}, got ${JSON.stringify(value)}`,
    );
  return value as EntityType;
}

/** One line's record as a correction. */
function correctionOf(record: Record<string, unknown>, source: CorrectionSource): Correction {
  const at = where(source);
  const action = record.action as CorrectionAction;
  if (!CORRECTION_ACTIONS.includes(action))
    throw new CorrectionError(
      `${at}: "action" must be one of ${CORRECTION_ACTIONS.join(", ")}, got ${JSON.stringify(record.action)}`,
    );
  const entity: EntityRef = { ref: text(record, "entity", at) };
  const type = entityType(record.type, at);
  if (type) entity.type = type;
  switch (action) {
    case "merge":
      return { action, entity, into: { ...entity, ref: text(record, "into", at) }, source };
    case "rename":
      return { action, entity, label: text(record, "label", at), source };
    case "retype": {
      const to = entityType(record.to, at, "to");
      if (!to || to === "invariance")
        throw new CorrectionError(`${at}: "to" must be method, dataset or task`);
      return { action, entity, to, source };
    }
    case "drop": {
      const paper = optionalText(record, "paper", at);
      return paper ? { action, entity, paper, source } : { action, entity, source };
    }
    case "split":
      return {
        action,
        entity,
        paper: text(record, "paper", at),
        into: text(record, "into", at),
        source,
      };
    case "add":
      if (!type && !isEntityId(entity.ref))
        throw new CorrectionError(`${at}: "add" needs a "type" (or an entity id)`);
      return {
        action,
        entity: { ...entity, type: type ?? (entity.ref.split(":")[0] as EntityType) },
        paper: text(record, "paper", at),
        source,
      };
  }
}

/** The type an id or a typed name says, if any. */
function typeOf({ ref, type }: EntityRef): EntityType | undefined {
  return isEntityId(ref) ? (ref.split(":")[0] as EntityType) : type;
}

/**
 * Merges that cannot hold, refused before anything is applied: an entity into itself, into one of
 * another type, or a chain of merges that leads back where it started (A → B, B → A), named by
 * every line in it.
 */
export function checkMerges(corrections: readonly Correction[]): void {
  const merges = corrections.filter((c) => c.action === "merge");
  const byFrom = new Map<string, (typeof merges)[number]>();
  for (const merge of merges) {
    const at = where(merge.source);
    if (refKey(merge.entity) === refKey(merge.into))
      throw new CorrectionError(`${at}: merges an entity into itself`);
    const [from, to] = [typeOf(merge.entity), typeOf(merge.into)];
    if (from && to && from !== to)
      throw new CorrectionError(
        `${at}: cannot merge a ${from} into a ${to} ("${merge.entity.ref}" into "${merge.into.ref}"); retype it first`,
      );
    byFrom.set(refKey(merge.entity), merge);
  }
  for (const merge of merges) {
    const chain = [merge];
    for (let step = byFrom.get(refKey(merge.into)); step; step = byFrom.get(refKey(step.into))) {
      chain.push(step);
      if (refKey(step.into) === refKey(merge.entity)) {
        const lines = chain.map((c) => where(c.source)).join(" and ");
        throw new CorrectionError(`${lines}: these merges form a cycle`);
      }
      if (chain.length > merges.length) break;
    }
  }
}

/** Reads a corrections file (JSON Lines); `file` names it in errors. */
export function parseCorrections(content: string, file: string): Correction[] {
  const corrections: Correction[] = [];
  content.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === "" || line.trimStart().startsWith("//")) return;
    const source = { file, line: index + 1 };
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new CorrectionError(`${where(source)}: malformed JSON: ${(error as Error).message}`);
    }
    corrections.push(correctionFrom(record, source));
  });
  return corrections;
}

/** A correction as the line a corrections file holds (what the viewer and --accept append). */
export function correctionLine(correction: Correction): string {
  const record: Record<string, unknown> = { action: correction.action };
  record.entity = correction.entity.ref;
  if (correction.entity.type) record.type = correction.entity.type;
  switch (correction.action) {
    case "merge":
      record.into = correction.into.ref;
      break;
    case "rename":
      record.label = correction.label;
      break;
    case "retype":
      record.to = correction.to;
      break;
    case "split":
      Object.assign(record, { paper: correction.paper, into: correction.into });
      break;
    case "drop":
    case "add":
      if (correction.paper) record.paper = correction.paper;
  }
  return JSON.stringify(record);
}

/** A correction from a record (a line's JSON, or a request's body): checked as a file line is. */
export function correctionFrom(record: unknown, source: CorrectionSource): Correction {
  if (typeof record !== "object" || record === null || Array.isArray(record))
    throw new CorrectionError(`${where(source)}: expected a JSON object`);
  return correctionOf(record as Record<string, unknown>, source);
}
