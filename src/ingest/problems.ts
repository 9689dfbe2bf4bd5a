import { PapergraphError } from "../errors.js";

/** A record or file that could not be read, and why. Names the file and, where known, the line or record. */
export interface RecordProblem {
  file: string;
  line?: number;
  record?: number;
  key?: string;
  message: string;
}

/** "file:12: message", or "file (record 3, key smith21): message" for formats without useful lines. */
export function formatProblem(problem: RecordProblem): string {
  const where: string[] = [];
  if (problem.record !== undefined) where.push(`record ${problem.record}`);
  if (problem.key !== undefined) where.push(`key ${problem.key}`);
  const head = problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
  const tail = where.length > 0 ? ` (${where.join(", ")})` : "";
  return `${head}${tail}: ${problem.message}`;
}

/** Thrown for input that cannot be read; its message is the one a user sees. */
export class IngestError extends PapergraphError {
  readonly problem: RecordProblem;

  constructor(problem: RecordProblem) {
    super(formatProblem(problem));
    this.problem = problem;
  }
}

/** 1-based line number of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
