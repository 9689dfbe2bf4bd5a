import { extname } from "node:path";
import type { Reader } from "./entry.js";
import { IngestError } from "./problems.js";
import { readAtom } from "./readers/atom.js";
import { readBibtex } from "./readers/bibtex.js";
import { looksLikeCapture, readCapture } from "./readers/capture.js";
import { readCsv, readTsv } from "./readers/csv.js";
import { readJson, readJsonLines } from "./readers/json.js";

export type InputFormat = "capture" | "jsonl" | "json" | "csv" | "tsv" | "bibtex" | "atom";

export const READERS: Record<InputFormat, Reader> = {
  capture: readCapture,
  jsonl: readJsonLines,
  json: readJson,
  csv: readCsv,
  tsv: readTsv,
  bibtex: readBibtex,
  atom: readAtom,
};

const BY_EXTENSION: Record<string, InputFormat> = {
  ".txt": "capture",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".json": "json",
  ".csv": "csv",
  ".tsv": "tsv",
  ".bib": "bibtex",
  ".bibtex": "bibtex",
  ".xml": "atom",
  ".atom": "atom",
};

/** True for a gzip-compressed file ("papers.jsonl.gz"), read through gunzip as its inner name says. */
export function isGzipped(file: string): boolean {
  return file.toLowerCase().endsWith(".gz");
}

/**
 * The format a file's name says, when its extension (under a ".gz") is a known one. A directory
 * walk picks up only such files: README.md and images beside the papers are not inputs.
 */
export function formatByName(file: string): InputFormat | undefined {
  return BY_EXTENSION[extname(isGzipped(file) ? file.slice(0, -3) : file).toLowerCase()];
}

/** The format a file's content shows, whatever its name; undefined when it shows none. */
export function sniffFormat(text: string): InputFormat | undefined {
  const body = text.trimStart();
  if (body.startsWith("<")) return "atom";
  if (body.startsWith("[")) return "json";
  if (body.startsWith("{")) return "json";
  if (
    /^@\w+\s*[{(]/.test(body) ||
    /^\s*@(article|inproceedings|misc|book|techreport)\s*[{(]/im.test(text)
  )
    return "bibtex";
  const header = body.split(/\r\n|\r|\n/, 1)[0]?.toLowerCase() ?? "";
  if (/\btitle\b/.test(header) && header.includes("\t")) return "tsv";
  if (/\btitle\b/.test(header) && header.includes(",")) return "csv";
  if (looksLikeCapture(text)) return "capture";
  return undefined;
}

/**
 * The format of a file: by its extension where it has a known one, else by its content.
 * A .txt file must still look like a capture, so stray notes are rejected rather than read as papers.
 */
export function detectFormat(file: string, text: string): InputFormat {
  const byName = formatByName(file);
  if (byName && byName !== "capture") return byName;
  const sniffed = sniffFormat(text);
  if (sniffed) return sniffed;
  const known =
    "a Hugging Face Papers capture, JSON Lines, JSON, CSV, TSV, BibTeX or arXiv Atom XML";
  throw new IngestError({ file, message: `unknown format: expected ${known}` });
}
