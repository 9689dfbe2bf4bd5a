/**
 * Types shared between the pipeline stages: ingest → extract → graph → export/query/viewer.
 * A stage's own working types stay inside its folder; only what crosses a stage boundary lives here.
 */

/** Where a paper record was read from: the file, and the line (1-based) or record (1-based) in it. */
export interface SourceRef {
  file: string;
  /** 1-based line where the record starts, for line-oriented formats. */
  line?: number;
  /** 1-based record index, for formats whose records are not lines (JSON arrays, BibTeX keys, Atom entries). */
  record?: number;
  /** The record's own key in its file, where it has one (BibTeX key, JSON id). */
  key?: string;
}

/** One distinct paper, after clean-up and de-duplication across all inputs. */
export interface Paper {
  /** arXiv id (without version) where known, else the first 10 hex digits of sha1(normalized title). */
  id: string;
  title: string;
  /** Empty string when the source had no abstract. */
  abstract: string;
  authors?: string[];
  /** ISO date (YYYY-MM-DD, or YYYY-MM / YYYY when that is all the source says). */
  date?: string;
  url?: string;
  arxivId?: string;
  /** Every place this paper was read from, in input order. */
  sources: SourceRef[];
}
