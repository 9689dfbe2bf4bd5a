/**
 * Ingest: files of any supported format → clean, de-duplicated `Paper` records.
 * Readers are pure (text in, entries out); this module does the file I/O around them.
 */
import type { Paper } from "../types.js";
import { cleanText } from "./clean.js";
import { type EntrySink, gathering, type RawEntry, type ReadResult } from "./entry.js";
import { checkFileSize, expandInputs, readTextFile, startsWithUtf16Mark } from "./files.js";
import { detectFormat, formatByName, type InputFormat, READERS } from "./formats.js";
import { DEFAULT_LIMITS, type IngestLimits, overLimit, resolveLimits } from "./limits.js";
import { type MergeResult, mergeEntries, PaperMerger } from "./merge.js";
import { IngestError, type RecordProblem } from "./problems.js";
import { collect } from "./readers/json.js";
import { streamDelimited, streamJsonLines } from "./stream.js";

export { cleanText, parseArxivId, parseDate, titleId, titleKey } from "./clean.js";
export { CORRECTIONS_FILE, decodeText } from "./files.js";
export { detectFormat, type InputFormat, sniffFormat } from "./formats.js";
export { DEFAULT_LIMITS, type IngestLimits } from "./limits.js";
export { mergePapers } from "./merge.js";
export { formatProblem, IngestError, type RecordProblem } from "./problems.js";

export interface IngestOptions {
  /** Skip bad records and unreadable files, reporting each, instead of stopping at the first. */
  skipBad?: boolean;
  /** Directory paths are relative to and shown relative to; defaults to the process's. */
  cwd?: string;
  /** Called once per skipped record or file, as it is skipped (with skipBad). */
  onSkip?: (problem: RecordProblem) => void;
  /** Called with what a reader should know but is no error: a build folder skipped in a walk. */
  onNote?: (note: string) => void;
  /** Largest file, abstract and title accepted; defaults to DEFAULT_LIMITS. */
  limits?: Partial<IngestLimits>;
}

export interface IngestSummary {
  /** Input files read. */
  files: number;
  /** Files per detected format. */
  formats: Partial<Record<InputFormat, number>>;
  /** Records read, before de-duplication. */
  entries: number;
  /** Distinct papers. */
  papers: number;
  /** Records that were a paper already read, merged into it. */
  duplicates: number;
  /** Distinct papers with an empty abstract. */
  withoutAbstract: number;
  /** Records (or whole files) skipped as bad. */
  skipped: number;
  /** Why each was skipped. */
  problems: RecordProblem[];
}

export interface IngestResult {
  papers: Paper[];
  summary: IngestSummary;
}

/** Reads the entries of one text in the given (or detected) format, rejecting records with no title. */
export function readEntries(
  text: string,
  file: string,
  format: InputFormat = detectFormat(file, text),
  limits: IngestLimits = DEFAULT_LIMITS,
): ReadResult {
  if (text.trim() === "") throw new IngestError({ file, message: "empty file: no records" });
  return screenEntries(READERS[format](text, file), limits);
}

/** Why an entry is no paper to read (over a limit, or no title), if it is not. */
function entryProblem(entry: RawEntry, limits: IngestLimits): RecordProblem | undefined {
  const tooLarge = overLimit(entry, limits);
  if (tooLarge) return { ...entry.source, message: tooLarge };
  if (cleanText(entry.title) === "") return { ...entry.source, message: "record has no title" };
  return undefined;
}

/** Entries over a limit or with no title become problems; the others pass. */
function screenEntries(read: ReadResult, limits: IngestLimits): ReadResult {
  const entries: RawEntry[] = [];
  const problems = [...read.problems];
  for (const entry of read.entries) {
    const problem = entryProblem(entry, limits);
    if (problem) problems.push(problem);
    else entries.push(entry);
  }
  return { entries, problems };
}

/** What records given in memory are called in errors: "records (record 3): record has no title". */
export const RECORDS_SOURCE = "records";

/**
 * Papers from records already in memory, objects with the fields a JSON Lines line may have
 * (title, abstract, authors, date, url, id...). A bad record throws an IngestError naming its
 * 1-based index, or is skipped and reported with `skipBad`.
 */
export function ingestRecords(
  records: readonly unknown[],
  options: Pick<IngestOptions, "skipBad" | "onSkip" | "limits"> = {},
): IngestResult {
  const read: ReadResult = { entries: [], problems: [] };
  records.forEach((record, index) => {
    collect(record, { file: RECORDS_SOURCE, record: index + 1 }, gathering(read));
  });
  const screened = screenEntries(read, resolveLimits(options.limits));
  for (const problem of screened.problems) {
    if (!options.skipBad) throw new IngestError(problem);
    options.onSkip?.(problem);
  }
  const { entries, problems } = screened;
  return summarize(mergeEntries(entries), entries.length, problems, 0, {});
}

/** Papers from texts already in memory (for tests and callers that have no files). */
export function papersFromTexts(texts: readonly { file: string; text: string }[]): IngestResult {
  const entries: RawEntry[] = [];
  const problems: RecordProblem[] = [];
  const formats: IngestSummary["formats"] = {};
  for (const { file, text } of texts) {
    const format = detectFormat(file, text);
    formats[format] = (formats[format] ?? 0) + 1;
    const read = readEntries(text, file, format);
    for (const entry of read.entries) entries.push(entry);
    for (const problem of read.problems) problems.push(problem);
  }
  return summarize(mergeEntries(entries), entries.length, problems, texts.length, formats);
}

function summarize(
  { papers, duplicates }: MergeResult,
  entries: number,
  problems: RecordProblem[],
  files: number,
  formats: IngestSummary["formats"],
): IngestResult {
  const withoutAbstract = papers.filter((p) => p.abstract === "").length;
  const summary = {
    files,
    formats,
    entries,
    papers: papers.length,
    duplicates,
    withoutAbstract,
    skipped: problems.length,
    problems,
  };
  return { papers, summary };
}

/** Formats read as streams (record by record, never the whole file in memory), by extension. */
const STREAMED: Partial<
  Record<InputFormat, (path: string, file: string, sink: EntrySink) => Promise<void>>
> = {
  jsonl: streamJsonLines,
  csv: (path, file, sink) => streamDelimited(path, file, ",", sink),
  tsv: (path, file, sink) => streamDelimited(path, file, "\t", sink),
};

/** The streaming reader of a file, when its name says JSON Lines, CSV or TSV and it is not UTF-16. */
async function streamedRead(
  path: string,
  file: string,
): Promise<{ format: InputFormat; read: (sink: EntrySink) => Promise<void> } | undefined> {
  const format = formatByName(file);
  const reader = format && STREAMED[format];
  if (!format || !reader || (await startsWithUtf16Mark(path))) return undefined;
  return { format, read: (sink) => reader(path, file, sink) };
}

/** The input files the given paths name (directories walked, globs expanded), as absolute paths. */
export async function inputFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  return (await expandInputs(paths, cwd)).map(({ absolute }) => absolute);
}

/**
 * Reads every paper under the given paths (files, directories, globs). Without `skipBad` the first
 * bad record or file throws an IngestError naming it; with it, each is reported and counted. Each
 * record goes to de-duplication as it is read: what memory holds is the papers, not the records
 * (at 300,000 papers those were a second copy of the corpus).
 */
export async function ingestPaths(
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits = resolveLimits(options.limits);
  const files = await expandInputs(paths, cwd, options.onNote);
  const merger = new PaperMerger();
  let entries = 0;
  const problems: RecordProblem[] = [];
  const formats: IngestSummary["formats"] = {};
  const reject = (problem: RecordProblem): void => {
    if (!options.skipBad) throw new IngestError(problem);
    problems.push(problem);
    options.onSkip?.(problem);
  };
  const take = (entry: RawEntry): void => {
    entries++;
    merger.addEntry(entry);
  };
  const sink: EntrySink = {
    entry(entry) {
      const problem = entryProblem(entry, limits);
      if (problem) reject(problem);
      else take(entry);
    },
    problem: reject,
  };
  for (const { absolute, shown: file } of files) {
    try {
      const streamed = await streamedRead(absolute, file);
      await checkFileSize(absolute, file, limits, !streamed);
      if (streamed) {
        await streamed.read(sink);
        formats[streamed.format] = (formats[streamed.format] ?? 0) + 1;
      } else {
        const text = await readTextFile(absolute, file);
        const format = detectFormat(file, text);
        const read = readEntries(text, file, format, limits);
        formats[format] = (formats[format] ?? 0) + 1;
        read.problems.forEach(reject);
        read.entries.forEach(take);
      }
    } catch (error) {
      if (!(error instanceof IngestError) || !options.skipBad) throw error;
      reject(error.problem);
    }
  }
  return summarize(merger.result(), entries, problems, files.length, formats);
}
