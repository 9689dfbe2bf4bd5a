/**
 * Curate: what a user says is right, applied to every build: a corrections file (JSON Lines) and
 * VOSviewer thesauri, applied after canonicalization; and suggested merges to review.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { PapergraphError } from "../errors.js";
import { type Correction, checkMerges, parseCorrections } from "./corrections.js";
import { parseThesaurus } from "./thesaurus.js";

export { type AppliedCorrections, applyCorrections, CORRECTION_RULE } from "./apply.js";
export {
  CORRECTION_ACTIONS,
  type Correction,
  type CorrectionAction,
  CorrectionError,
  checkMerges,
  correctionFrom,
  correctionLine,
  type EntityRef,
  parseCorrections,
} from "./corrections.js";
export { type MergeEvidence, type MergeSuggestion, suggestMerges } from "./suggest.js";

export interface CorrectionFiles {
  /** A corrections file; a missing one holds no corrections yet (the viewer creates it). */
  corrections?: string;
  /** A VOSviewer thesaurus; it must exist. */
  thesaurus?: string;
}

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new PapergraphError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** The corrections in force: the thesaurus's, then the corrections file's, checked together. */
export async function loadCorrections(files: CorrectionFiles, cwd = "."): Promise<Correction[]> {
  const corrections: Correction[] = [];
  if (files.thesaurus) {
    const text = await readIfThere(resolve(cwd, files.thesaurus));
    if (text === undefined) throw new PapergraphError(`${files.thesaurus}: no such thesaurus file`);
    corrections.push(...parseThesaurus(text, files.thesaurus));
  }
  if (files.corrections) {
    const text = await readIfThere(resolve(cwd, files.corrections));
    if (text !== undefined) corrections.push(...parseCorrections(text, files.corrections));
  }
  checkMerges(corrections);
  return corrections;
}
