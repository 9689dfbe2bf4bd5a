import type { SourceRef } from "../types.js";
import { parseArxivId, parseDate } from "./clean.js";
import type { RawEntry } from "./entry.js";

/** Field names each paper attribute may go by, compared lower-cased with punctuation and spaces removed. */
const FIELD_ALIASES = {
  title: ["title", "papertitle", "articletitle"],
  abstract: ["abstract", "summary", "abstracttext", "paperabstract", "description"],
  id: ["id", "arxivid", "arxiv", "paperid", "eprint", "entryid"],
  authors: ["authors", "author", "authornames", "creators"],
  date: ["date", "published", "publicationdate", "publisheddate", "pubdate", "created", "year"],
  url: ["url", "link", "absurl", "paperurl", "pdfurl"],
} as const;

export type PaperField = keyof typeof FIELD_ALIASES;

/** "Paper Title" and "paper_title" both read as "papertitle". */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The name, among a record's keys, that holds a paper attribute, if any does. */
export function findField(keys: readonly string[], field: PaperField): string | undefined {
  const aliases: readonly string[] = FIELD_ALIASES[field];
  for (const alias of aliases) {
    const key = keys.find((k) => fieldKey(k) === alias);
    if (key !== undefined) return key;
  }
  return undefined;
}

function personName(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (value && typeof value === "object" && "name" in value && typeof value.name === "string") {
    return value.name.trim() || undefined;
  }
  return undefined;
}

/**
 * Author names from an array of names or {name} objects, or from one string:
 * "Ada Lovelace and Alan Turing", "Lovelace, Ada; Turing, Alan" or "Ada Lovelace, Alan Turing".
 */
export function parseAuthors(value: unknown): string[] | undefined {
  if (Array.isArray(value)) {
    const names = value.map(personName).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names : undefined;
  }
  if (typeof value !== "string" || value.trim() === "") return undefined;
  let parts = value.split(/\s*;\s*|\s+and\s+/).filter(Boolean);
  // Commas separate authors only when no part is a "Last, First" pair, i.e. every piece is a full name.
  if (parts.length === 1 && value.includes(",")) {
    const pieces = value.split(/\s*,\s*/).filter(Boolean);
    if (pieces.every((p) => p.includes(" "))) parts = pieces;
  }
  return parts.map((p) => p.trim());
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/**
 * A raw entry from a flat record (a JSON object, a CSV row), or the reason it is not one.
 * Unknown fields are ignored.
 */
export function entryFromRecord(
  record: Record<string, unknown>,
  source: SourceRef,
): RawEntry | string {
  const keys = Object.keys(record);
  const value = (field: PaperField): unknown => {
    const key = findField(keys, field);
    return key === undefined ? undefined : record[key];
  };
  const title = value("title");
  if (title === undefined || title === null || title === "") return "record has no title";
  if (typeof title !== "string")
    return `title is not text (found ${Array.isArray(title) ? "array" : typeof title})`;
  const abstract = value("abstract");
  if (abstract !== undefined && abstract !== null && typeof abstract !== "string") {
    return `abstract is not text (found ${Array.isArray(abstract) ? "array" : typeof abstract})`;
  }
  const entry: RawEntry = { title, abstract: abstract ?? "", source };
  const id = asText(value("id"));
  const url = asText(value("url"));
  const arxivId = (id && parseArxivId(id)) || (url && parseArxivId(url)) || undefined;
  if (arxivId) entry.arxivId = arxivId;
  const authors = parseAuthors(value("authors"));
  if (authors) entry.authors = authors;
  const date = asText(value("date"));
  const isoDate = date && parseDate(date);
  if (isoDate) entry.date = isoDate;
  if (url && /^https?:\/\//i.test(url.trim())) entry.url = url.trim();
  else if (id && /^https?:\/\//i.test(id.trim())) entry.url = id.trim();
  if (typeof id === "string" && id.trim() !== "") source.key ??= id.trim();
  return entry;
}
