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

/** A reader turns the text of one file into entries. Pure: it never touches the file system. */
export type Reader = (text: string, file: string) => ReadResult;
