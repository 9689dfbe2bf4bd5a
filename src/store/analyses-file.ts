/**
 * Analysis files: what one task of a job array (`papergraph extract --shard i/N`) hands to the
 * build. JSON Lines: a header naming the extractor fingerprint, the shard and the corpus, then one
 * line a paper with its place in the corpus, its record, its cache key and its analysis. Read and
 * written as streams: a shard of 500,000 papers never sits in memory whole.
 */
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { PapergraphError } from "../errors.js";
import type { AnalysisCache, CachedAnalysis } from "../extract/index.js";
import type { Paper } from "../types.js";

/** The header line of an analysis file. */
export interface AnalysesHeader {
  papergraph: "analyses";
  format: 1;
  fingerprint: string;
  shard: number;
  shards: number;
  /** A digest of the whole corpus's papers in order: shards of different corpora never mix. */
  corpus: string;
  /** Papers in the whole corpus, and in this shard. */
  corpusPapers: number;
  papers: number;
}

/** A paper's line. */
export interface ShardRecord {
  /** The paper's place in the corpus as ingested: the build reads the papers back in this order. */
  position: number;
  key: string;
  paper: Paper;
  analysis: CachedAnalysis;
}

const FILE_NAME = /^analyses-(\d+)-of-(\d+)\.jsonl$/;

export function analysesFileName(shard: number, shards: number): string {
  return `analyses-${shard}-of-${shards}.jsonl`;
}

/**
 * Writes an analysis file at `path` (a temporary, for writeFileAtomic): the header, then each
 * slice of records as it comes, a megabyte at a time.
 */
export async function writeAnalysesFile(
  path: string,
  header: AnalysesHeader,
  slices: AsyncIterable<readonly ShardRecord[]>,
): Promise<void> {
  const file = await open(path, "w");
  try {
    await file.write(`${JSON.stringify(header)}\n`);
    for await (const records of slices) {
      let chunk = "";
      for (const record of records) {
        chunk += `${JSON.stringify(record)}\n`;
        if (chunk.length > 1 << 20) {
          await file.write(chunk);
          chunk = "";
        }
      }
      if (chunk) await file.write(chunk);
    }
  } finally {
    await file.close();
  }
}

/**
 * The analysis files a list of paths names: a file as given, and in a folder every file named as
 * `extract --shard` names them, in shard order. A path that holds none is an error.
 */
export async function analysesFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(resolve(cwd, path)).catch(() => undefined);
    if (!info) throw new PapergraphError(`${path}: no such file or folder of analyses`);
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const named = (await readdir(resolve(cwd, path)))
      .map((name) => ({ name, match: FILE_NAME.exec(name) }))
      .filter(({ match }) => match)
      .sort((a, b) => Number(a.match?.[1]) - Number(b.match?.[1]) || a.name.localeCompare(b.name));
    if (named.length === 0)
      throw new PapergraphError(
        `${path}: no analysis files here (analyses-I-of-N.jsonl, as "papergraph extract --shard I/N --out ${path}" writes)`,
      );
    files.push(...named.map(({ name }) => join(path, name)));
  }
  return files;
}

function parseLine<T>(text: string, file: string, line: number): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new PapergraphError(`${file}:${line}: not JSON (${(error as Error).message})`);
  }
}

function checkedHeader(value: unknown, file: string): AnalysesHeader {
  const header = value as Partial<AnalysesHeader> | null;
  if (header?.papergraph !== "analyses")
    throw new PapergraphError(
      `${file}:1: not a papergraph analysis file (it begins with no "papergraph": "analyses" header)`,
    );
  if (header.format !== 1)
    throw new PapergraphError(
      `${file}:1: analysis file format ${header.format}; this papergraph reads format 1`,
    );
  return header as AnalysesHeader;
}

function checkedRecord(value: unknown, file: string, line: number): ShardRecord {
  const record = value as Partial<ShardRecord> | null;
  const ok =
    Number.isInteger(record?.position) &&
    typeof record?.key === "string" &&
    typeof record.paper?.id === "string" &&
    Array.isArray(record.analysis?.candidates);
  if (!ok)
    throw new PapergraphError(
      `${file}:${line}: not a paper's analysis (needs position, key, paper and analysis.candidates)`,
    );
  return record as ShardRecord;
}

/**
 * Reads one analysis file as a stream: its header first (`onHeader` may refuse it by returning
 * false, and its records are then not read), then each record. Errors name the file and line.
 */
export async function readAnalysesFile(
  path: string,
  file: string,
  onHeader: (header: AnalysesHeader) => boolean,
  onRecord: (record: ShardRecord) => void,
): Promise<void> {
  const lines = createInterface({
    input: createReadStream(path, { highWaterMark: 1 << 20 }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let line = 0;
  let count = 0;
  let header: AnalysesHeader | undefined;
  try {
    for await (const text of lines) {
      line += 1;
      if (line === 1) {
        header = checkedHeader(parseLine(text, file, line), file);
        if (!onHeader(header)) return;
        continue;
      }
      if (text === "") continue;
      onRecord(checkedRecord(parseLine(text, file, line), file, line));
      count += 1;
    }
  } finally {
    lines.close();
  }
  if (!header) throw new PapergraphError(`${file}: empty, not an analysis file`);
  if (count !== header.papers)
    throw new PapergraphError(
      `${file}: ${count} papers where its header says ${header.papers} (a shard cut short?)`,
    );
}

/** Analyses put into the cache at a time while files are read. */
const PUT_BATCH = 2_000;

export interface ImportOptions {
  cwd: string;
  /** The running extractor's: files of another are said and skipped (their papers re-extracted). */
  fingerprint: string;
  /** Read the papers too, in corpus order: the build was given no inputs of its own. */
  wantPapers: boolean;
  onNote?: (note: string) => void;
}

export interface ImportedAnalyses {
  files: number;
  analyses: number;
  /** The corpus the shards hold, in order, when wanted. */
  papers?: Paper[];
}

/** The shards a set of analysis files lacks for a whole corpus: "1, 3 of 4". */
function missingShards(seen: ReadonlySet<number>, shards: number): string | undefined {
  const missing: number[] = [];
  for (let i = 0; i < shards; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length === 0) return undefined;
  const listed = missing.slice(0, 10).join(", ") + (missing.length > 10 ? ", …" : "");
  return `${listed} of ${shards}`;
}

/**
 * Streams analysis files into a cache (a build's store), so the build that follows extracts only
 * what they do not cover. With `wantPapers`, they must be every shard of one corpus, and their
 * papers come back in the corpus's order.
 */
export async function importAnalyses(
  cache: Pick<AnalysisCache, "put">,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportedAnalyses> {
  const files = await analysesFiles(paths, options.cwd);
  let batch: [string, CachedAnalysis][] = [];
  let analyses = 0;
  let first: (AnalysesHeader & { file: string }) | undefined;
  const seen = new Set<number>();
  const papers: Paper[] = [];
  for (const file of files) {
    const accept = (header: AnalysesHeader): boolean => {
      if (header.fingerprint !== options.fingerprint) {
        options.onNote?.(
          `${file}: analyses of another extractor (${header.fingerprint}; this one is ${options.fingerprint}), not used: their papers are extracted again`,
        );
        return false;
      }
      if (!options.wantPapers) return true;
      first ??= { ...header, file };
      if (header.corpus !== first.corpus || header.shards !== first.shards)
        throw new PapergraphError(
          `${file}: shard ${header.shard} of ${header.shards} of another corpus than ${first.file} (${first.shards} shards); give the inputs, or only one corpus's shards`,
        );
      if (seen.has(header.shard))
        throw new PapergraphError(`${file}: shard ${header.shard} of ${header.shards} given twice`);
      seen.add(header.shard);
      return true;
    };
    await readAnalysesFile(resolve(options.cwd, file), file, accept, (record) => {
      batch.push([record.key, record.analysis]);
      analyses += 1;
      if (batch.length >= PUT_BATCH) {
        cache.put(batch);
        batch = [];
      }
      if (options.wantPapers) papers[record.position] = record.paper;
    });
  }
  cache.put(batch);
  if (!options.wantPapers) return { files: files.length, analyses };
  if (!first)
    throw new PapergraphError(
      `${paths.join(", ")}: no analyses of this extractor to build from; give the inputs to extract them`,
    );
  const lacking = missingShards(seen, first.shards);
  if (lacking)
    throw new PapergraphError(
      `${paths.join(", ")}: shards ${lacking} missing; a build from analyses alone needs every shard (or give the inputs, and the papers of missing shards are extracted)`,
    );
  const holes = first.corpusPapers - papers.filter(Boolean).length;
  if (papers.length !== first.corpusPapers || holes > 0)
    throw new PapergraphError(
      `${paths.join(", ")}: the shards hold ${first.corpusPapers - holes} of the corpus's ${first.corpusPapers} papers`,
    );
  return { files: files.length, analyses, papers };
}
