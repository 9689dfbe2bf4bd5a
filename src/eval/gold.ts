import { PapergraphError } from "../errors.js";
import type { EntityType, InvarianceKind } from "../types.js";

/** One gold or found item of a type: every name it goes by (invariances: the kind, then the surface). */
export interface ScoredItem {
  names: string[];
  /** Invariances match on kind alone. */
  kind?: InvarianceKind;
}

export type ItemsByType = Record<EntityType, ScoredItem[]>;

/** A gold-annotated paper. `abstract` is present when the gold file carries the text itself. */
export interface GoldPaper {
  id: string;
  title: string;
  abstract?: string;
  items: ItemsByType;
}

interface GoldNamed {
  name: string;
  aliases?: string[];
}

interface GoldInvariance {
  type: InvarianceKind;
  surface?: string;
}

/** Thrown for a gold file that cannot be read; the message names the file and line. */
export class GoldFormatError extends PapergraphError {}

function named(list: unknown, where: string, field: string): ScoredItem[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new GoldFormatError(`${where}: "${field}" is not a list`);
  return list.map((item: GoldNamed) => {
    if (typeof item?.name !== "string")
      throw new GoldFormatError(`${where}: an item of "${field}" has no name`);
    return { names: [item.name, ...(item.aliases ?? [])] };
  });
}

function invariances(list: unknown, where: string): ScoredItem[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new GoldFormatError(`${where}: "invariances" is not a list`);
  return list.map((item: GoldInvariance) => {
    if (typeof item?.type !== "string")
      throw new GoldFormatError(`${where}: an invariance has no type`);
    return { names: [item.type, ...(item.surface ? [item.surface] : [])], kind: item.type };
  });
}

/** Reads gold records (JSON Lines, the format of GUIDELINES.md); `file` names them in errors. */
export function parseGold(text: string, file: string): GoldPaper[] {
  const papers: GoldPaper[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `${file}:${index + 1}`;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new GoldFormatError(`${where}: malformed JSON: ${(error as Error).message}`);
    }
    if (typeof record.title !== "string")
      throw new GoldFormatError(`${where}: record has no title`);
    papers.push({
      id: typeof record.id === "string" ? record.id : "",
      title: record.title,
      abstract: typeof record.abstract === "string" ? record.abstract : undefined,
      items: {
        method: named(record.methods, where, "methods"),
        dataset: named(record.datasets, where, "datasets"),
        task: named(record.tasks, where, "tasks"),
        invariance: invariances(record.invariances, where),
      },
    });
  });
  return papers;
}
