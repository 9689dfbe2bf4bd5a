import type { Paper } from "../types.js";
import { cleanText, titleId, titleKey } from "./clean.js";
import type { RawEntry } from "./entry.js";

function toPaper(entry: RawEntry): Paper {
  const title = cleanText(entry.title);
  const paper: Paper = {
    id: entry.arxivId ?? titleId(title),
    title,
    abstract: cleanText(entry.abstract),
    sources: [entry.source],
  };
  const authors = entry.authors?.map(cleanText).filter(Boolean);
  if (authors && authors.length > 0) paper.authors = authors;
  if (entry.date) paper.date = entry.date;
  if (entry.url) paper.url = entry.url;
  if (entry.arxivId) paper.arxivId = entry.arxivId;
  return paper;
}

/** Folds a later record of the same paper into the first: missing fields filled, the fuller abstract kept. */
function absorb(into: Paper, other: Paper): void {
  if (other.abstract.length > into.abstract.length) into.abstract = other.abstract;
  into.authors ??= other.authors;
  into.date ??= other.date;
  into.url ??= other.url;
  if (!into.arxivId && other.arxivId) {
    into.arxivId = other.arxivId;
    into.id = other.arxivId;
  }
  into.sources.push(...other.sources);
}

export interface MergeResult {
  papers: Paper[];
  /** Entries that turned out to be a paper already read. */
  duplicates: number;
}

/**
 * One paper per arXiv id or normalized title, in order of first appearance, as records come: a
 * later record of a paper already read is folded into it. Two records with different arXiv ids
 * stay apart even when their titles agree: arXiv ids are never reused.
 */
export class PaperMerger {
  readonly papers: Paper[] = [];
  duplicates = 0;
  readonly #byArxiv = new Map<string, Paper>();
  readonly #byTitle = new Map<string, Paper>();

  /** Takes a paper record, which it owns from now on (it may be changed by later ones). */
  add(paper: Paper): void {
    const key = titleKey(paper.title);
    const sameId = paper.arxivId ? this.#byArxiv.get(paper.arxivId) : undefined;
    const sameTitle = this.#byTitle.get(key);
    const conflicting = sameTitle?.arxivId && paper.arxivId && sameTitle.arxivId !== paper.arxivId;
    const existing = sameId ?? (conflicting ? undefined : sameTitle);
    if (existing) {
      absorb(existing, paper);
      this.duplicates++;
    } else {
      this.papers.push(paper);
    }
    const kept = existing ?? paper;
    if (kept.arxivId) this.#byArxiv.set(kept.arxivId, kept);
    if (!this.#byTitle.has(key)) this.#byTitle.set(key, kept);
  }

  /** A raw entry, cleaned into a paper record first. */
  addEntry(entry: RawEntry): void {
    this.add(toPaper(entry));
  }

  /**
   * The papers once every record is in. A paper no record dates takes its arXiv id's month: only
   * now, since a later record of it may bring a date of its own.
   */
  result(): MergeResult {
    for (const paper of this.papers) paper.date ??= arxivMonth(paper.arxivId);
    return { papers: this.papers, duplicates: this.duplicates };
  }
}

/** De-duplicated papers of raw entries (PaperMerger), each cleaned into a paper record. */
export function mergeEntries(entries: readonly RawEntry[]): MergeResult {
  const merger = new PaperMerger();
  for (const entry of entries) merger.addEntry(entry);
  return merger.result();
}

/**
 * The month a new-style arXiv id was submitted in ("2503.11731" → "2025-03"): a paper's date when
 * its record gives none, so papers from a BibTeX or CSV export still have a place in time.
 */
export function arxivMonth(arxivId: string | undefined): string | undefined {
  const match = arxivId && /^(\d{2})(\d{2})\.\d{4,5}$/.exec(arxivId);
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `20${match[1]}-${match[2]}` : undefined;
}

/**
 * The same de-duplication over papers already read: a build's papers and the ones `add` brings.
 * The records are copied, never changed in place.
 */
export function mergePapers(records: readonly Paper[]): MergeResult {
  const merger = new PaperMerger();
  for (const record of records) merger.add({ ...record, sources: [...record.sources] });
  return { papers: merger.papers, duplicates: merger.duplicates };
}
