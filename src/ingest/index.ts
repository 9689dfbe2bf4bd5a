/**
 * Ingest: files of any supported format → clean, de-duplicated `Paper` records.
 * Readers are pure (text in, entries out); this module does the file I/O around them.
 */
import type { Paper } from "../types.js";
import { cleanText } from "./clean.js";
import type { RawEntry, ReadResult } from "./entry.js";
import { checkFileSize, expandInputs, readTextFile, startsWithUtf16Mark } from "./files.js";
import { detectFormat, formatByName, type InputFormat, READERS } from "./formats.js";
import { DEFAULT_LIMITS, type IngestLimits, overLimit, resolveLimits } from "./limits.js";
import { mergeEntries } from "./merge.js";
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

/** Entries over a limit or with no title become problems; the others pass. */
function screenEntries(read: ReadResult, limits: IngestLimits): ReadResult {
  const entries: RawEntry[] = [];
  const problems = [...read.problems];
  for (const entry of read.entries) {
    const tooLarge = overLimit(entry, limits);
    if (tooLarge) problems.push({ ...entry.source, message: tooLarge });
    else if (cleanText(entry.title) === "")
      problems.push({ ...entry.source, message: "record has no title" });
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
    collect(record, { file: RECORDS_SOURCE, record: index + 1 }, read);
  });
  const screened = screenEntries(read, resolveLimits(options.limits));
  for (const problem of screened.problems) {
    if (!options.skipBad) throw new IngestError(problem);
    options.onSkip?.(problem);
  }
  return summarize(screened.entries, screened.problems, 0, {});
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
  return summarize(entries, problems, texts.length, formats);
}

function summarize(
  entries: RawEntry[],
  problems: RecordProblem[],
  files: number,
  formats: IngestSummary["formats"],
): IngestResult {
  const { papers, duplicates } = mergeEntries(entries);
  const withoutAbstract = papers.filter((p) => p.abstract === "").length;
  const summary = {
    files,
    formats,
    entries: entries.length,
    papers: papers.length,
    duplicates,
    withoutAbstract,
    skipped: problems.length,
    problems,
  };
  return { papers, summary };
}

/** Formats read as streams (record by record, never the whole file in memory), by extension. */
const STREAMED: Partial<Record<InputFormat, (path: string, file: string) => Promise<ReadResult>>> =
  {
    jsonl: streamJsonLines,
    csv: (path, file) => streamDelimited(path, file, ","),
    tsv: (path, file) => streamDelimited(path, file, "\t"),
  };

/** The streaming reader of a file, when its name says JSON Lines, CSV or TSV and it is not UTF-16. */
async function streamedRead(
  path: string,
  file: string,
): Promise<{ format: InputFormat; read: () => Promise<ReadResult> } | undefined> {
  const format = formatByName(file);
  const reader = format && STREAMED[format];
  if (!format || !reader || (await startsWithUtf16Mark(path))) return undefined;
  return { format, read: () => reader(path, file) };
}

/** The input files the given paths name (directories walked, globs expanded), as absolute paths. */
export async function inputFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  return (await expandInputs(paths, cwd)).map(({ absolute }) => absolute);
}

/**
 * Reads every paper under the given paths (files, directories, globs). Without `skipBad` the first
 * bad record or file throws an IngestError naming it; with it, each is reported and counted.
 */
export async function ingestPaths(
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits = resolveLimits(options.limits);
  const files = await expandInputs(paths, cwd, options.onNote);
  const entries: RawEntry[] = [];
  const problems: RecordProblem[] = [];
  const formats: IngestSummary["formats"] = {};
  const reject = (problem: RecordProblem): void => {
    if (!options.skipBad) throw new IngestError(problem);
    problems.push(problem);
    options.onSkip?.(problem);
  };
  for (const { absolute, shown: file } of files) {
    try {
      const streamed = await streamedRead(absolute, file);
      await checkFileSize(absolute, file, limits, !streamed);
      const text = streamed ? undefined : await readTextFile(absolute, file);
      const format = streamed?.format ?? detectFormat(file, text as string);
      const read = streamed
        ? screenEntries(await streamed.read(), limits)
        : readEntries(text as string, file, format, limits);
      formats[format] = (formats[format] ?? 0) + 1;
      read.problems.forEach(reject);
      for (const entry of read.entries) entries.push(entry);
    } catch (error) {
      if (!(error instanceof IngestError) || !options.skipBad) throw error;
      reject(error.problem);
    }
  }
  return summarize(entries, problems, files.length, formats);
}
