import type { SourceRef } from "../types.js";
import type { RecordProblem } from "./problems.js";

/** One record as a reader found it, before clean-up and de-duplication. */
export interface RawEntry {
  title: string;
  abstract: string;
  authors?: string[];
  date?: string;
  url?: string;
  arxivId?: string;
  source: SourceRef;
}

/** What a reader returns: the entries it read and the records it had to reject. */
export interface ReadResult {
  entries: RawEntry[];
  problems: RecordProblem[];
}

/**
 * Where a streamed reader puts each entry and each rejected record as it reads them: a large file's
 * records go on to de-duplication one by one, never gathered first.
 */
export interface EntrySink {
  entry(entry: RawEntry): void;
  problem(problem: RecordProblem): void;
}

/** A sink gathering what it is given into a ReadResult, as the readers of whole texts return. */
export function gathering(result: ReadResult): EntrySink {
  return {
    entry: (entry) => result.entries.push(entry),
    problem: (problem) => result.problems.push(problem),
  };
}

/** A reader turns the text of one file into entries. Pure: it never touches the file system. */
export type Reader = (text: string, file: string) => ReadResult;
