import { type Creator, type Entry, parse } from "@retorquere/bibtex-parser";
import { parseArxivId, parseDate } from "../clean.js";
import type { RawEntry, ReadResult } from "../entry.js";
import { IngestError, lineAt, type RecordProblem } from "../problems.js";

// In TeX text "<" prints "¡" (the parser is faithful to that), but abstracts exported from
// arXiv or Zotero mean a literal "<". Angle brackets are hidden from the parser and restored after;
// the parser's own markup (<i>, <sup>, <span class="nocase">) is then dropped for plain text.
const LT = "\uE000";
const GT = "\uE001";

function hideAngles(text: string): string {
  return text.replaceAll("<", LT).replaceAll(">", GT);
}

function plainText(value: string | undefined): string {
  if (value === undefined) return "";
  return value
    .replace(/<\/?[a-z][^>]*>/g, "")
    .replaceAll(LT, "<")
    .replaceAll(GT, ">");
}

function authorName(creator: Creator): string {
  if (creator.name) return creator.name;
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix]
    .filter(Boolean)
    .join(" ");
}

function entryDate(fields: Entry["fields"]): string | undefined {
  if (fields.date) return parseDate(plainText(fields.date));
  const year = fields.year?.trim();
  if (!year || !/^\d{4}$/.test(year)) return undefined;
  const month = Number(fields.month);
  return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, "0")}` : year;
}

function arxivIdOf(fields: Entry["fields"]): string | undefined {
  const prefix = fields.archiveprefix ?? fields.eprinttype ?? "";
  if (fields.eprint && /arxiv/i.test(prefix)) return parseArxivId(`arXiv:${fields.eprint}`);
  for (const value of [fields.eprint, fields.url, fields.doi, fields.journal]) {
    const id = value && parseArxivId(value);
    if (id) return id;
  }
  return undefined;
}

function toEntry(
  entry: Entry,
  text: string,
  file: string,
  index: number,
): RawEntry | RecordProblem {
  const offset = text.indexOf(`{${entry.key}`);
  const source = {
    file,
    line: offset >= 0 ? lineAt(text, offset) : undefined,
    record: index + 1,
    key: entry.key,
  };
  const { fields } = entry;
  const title = plainText(fields.title);
  if (title.trim() === "") return { ...source, message: "entry has no title" };
  const raw: RawEntry = { title, abstract: plainText(fields.abstract), source };
  const authors = fields.author?.map(authorName).map(plainText).filter(Boolean);
  if (authors && authors.length > 0) raw.authors = authors;
  const date = entryDate(fields);
  if (date) raw.date = date;
  const url = fields.url?.trim();
  if (url && /^https?:\/\//i.test(url)) raw.url = url;
  const arxivId = arxivIdOf(fields);
  if (arxivId) raw.arxivId = arxivId;
  return raw;
}

/** BibTeX entries (any type) with title and, usually, abstract; LaTeX accents and braces decoded. */
export function readBibtex(text: string, file: string): ReadResult {
  const hidden = hideAngles(text);
  const library = parse(hidden, { sentenceCase: false, english: false, unsupported: "ignore" });
  const result: ReadResult = { entries: [], problems: [] };
  // Keys of the entries a syntax error already reported: the parser still returns them, empty.
  const failed = new Set<string>();
  for (const error of library.errors) {
    const input = error.input ?? "";
    const offset = input ? hidden.indexOf(input) : -1;
    const key = /^@\w+\s*[{(]\s*([^,\s]+)/.exec(input)?.[1];
    if (key) failed.add(key);
    result.problems.push({
      file,
      line: offset >= 0 ? lineAt(hidden, offset) : undefined,
      key,
      message: `BibTeX syntax error: ${plainText(error.error)}`,
    });
  }
  library.entries.forEach((entry, index) => {
    if (failed.has(entry.key)) return;
    const read = toEntry(entry, hidden, file, index);
    if ("message" in read) result.problems.push(read);
    else result.entries.push(read);
  });
  if (result.entries.length === 0 && result.problems.length === 0) {
    throw new IngestError({
      file,
      message: "no BibTeX entries found (expected @article{...} or similar)",
    });
  }
  return result;
}
