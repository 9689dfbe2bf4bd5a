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

/** The four kinds of thing extraction finds in an abstract. */
export type EntityType = "method" | "dataset" | "task" | "invariance";

export const ENTITY_TYPES: readonly EntityType[] = ["method", "dataset", "task", "invariance"];

/** The closed list of invariance kinds of the annotation guidelines. */
export type InvarianceKind =
  | "rotation"
  | "translation"
  | "scale"
  | "permutation"
  | "euclidean"
  | "group"
  | "viewpoint"
  | "domain"
  | "environment"
  | "augmentation"
  | "modality"
  | "temporal"
  | "illumination"
  | "other";

export type InvarianceRelation = "invariant" | "equivariant";

/** A method the paper introduces, or one it builds on, applies, compares with or analyses. */
export type MethodRole = "proposed" | "used";

/** One place where a paper names an entity. */
export interface Mention {
  type: EntityType;
  /** The text as written. */
  text: string;
  /** Which field the span is in, and its [start, end) character offsets there. */
  field: "title" | "abstract";
  start: number;
  end: number;
  /** The sentence the mention stands in. */
  sentence: string;
  /** The rule or lexicon that found it, e.g. "acronym-definition" or "lexicon:datasets". */
  rule: string;
  /** Methods only. */
  role?: MethodRole;
  /** Invariances only. */
  invariance?: { kind: InvarianceKind; relation: InvarianceRelation };
  /** The canonical entity this mention was merged into. */
  entityId: string;
}

/** A canonical entity: every spelling of one method, dataset, task or invariance across the corpus. */
export interface Entity {
  /** Stable id: "method:contrastive-learning", "invariance:rotation". */
  id: string;
  type: EntityType;
  /** Display name: the most complete form the papers use. */
  name: string;
  /** Every other form found (acronyms, plurals, hyphen variants), sorted. */
  aliases: string[];
  /** Ids of the papers that name it, sorted. */
  papers: string[];
}

/** A paper with everything extracted from its title and abstract. */
export interface PaperExtraction {
  paper: Paper;
  mentions: Mention[];
}

/** The output of the extract stage over a whole corpus. */
export interface Extraction {
  papers: PaperExtraction[];
  entities: Entity[];
}
