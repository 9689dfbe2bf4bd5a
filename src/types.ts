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

/** Node types of the knowledge graph: papers and the four entity types. */
export type NodeType = "paper" | EntityType;

export const NODE_TYPES: readonly NodeType[] = ["paper", "method", "dataset", "task", "invariance"];

/** Paper → entity edges, by what the paper does with the entity; `cooccurs` joins two entities. */
export type EdgeType = "proposes" | "uses" | "evaluatesOn" | "addresses" | "targets" | "cooccurs";

export const EDGE_TYPES: readonly EdgeType[] = [
  "proposes",
  "uses",
  "evaluatesOn",
  "addresses",
  "targets",
  "cooccurs",
];

/** A stretch of a paper's title or abstract: [start, end) in `field`. */
export interface TextSpan {
  field: "title" | "abstract";
  start: number;
  end: number;
}

/** Where a paper names an entity, for highlighting its abstract. */
export interface MentionSpan extends TextSpan {
  entity: string;
}

/** Attributes of every graph node; entity-only and paper-only fields are optional. */
export interface GraphNodeAttributes {
  type: NodeType;
  label: string;
  /** Research thread (Louvain community), -1 for nodes in no thread. */
  thread: number;
  /** In a large thread, the sub-thread the node lies in, as a path: "3.0.2" (see Thread.path). */
  subthread?: string;
  color: string;
  size: number;
  x: number;
  y: number;
  /** Entities: other names, and how many papers name it. */
  aliases?: string[];
  paperCount?: number;
  /**
   * Entities: the closest broader entity of its type, where its name narrows another's ("6D
   * object pose estimation" → `task:pose-estimation`): the two stay two nodes.
   */
  broader?: string;
  /** Entities in the viewer's map: the month ("2025-03") their first dated paper appeared. */
  first?: string;
  /** Papers: the record, and where each entity is mentioned. */
  abstract?: string;
  date?: string;
  url?: string;
  authors?: string[];
  sources?: string[];
  mentions?: MentionSpan[];
}

export interface GraphEdgeAttributes {
  type: EdgeType;
  weight: number;
  /** Paper → entity: the first sentence the link was read from, as a span of the paper's text (not a copy of it). */
  evidence?: TextSpan;
  /** `targets` edges: whether the paper seeks invariance or equivariance. */
  relation?: InvarianceRelation;
  /** `cooccurs` edges: papers naming both entities (how many, and which). */
  count?: number;
  papers?: string[];
}

/**
 * An entity one paper alone names, as a large build keeps it apart from its in-memory graph (the
 * graph stage's tail.ts): its node's names and its one paper → entity edge.
 */
export interface TailEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  /** The node of the paper naming it. */
  paper: string;
  edge: GraphEdgeAttributes;
}

/** Where a node was drawn and which thread it was in: what an incremental build keeps of the last one. */
export interface NodePlacement {
  x: number;
  y: number;
  thread: number;
}

export interface GraphAttributes {
  name: string;
  modularity: number;
  resolution: number;
}

/** A ranked entity or paper of a thread. */
export interface ThreadMember {
  id: string;
  label: string;
  score: number;
}

/** A research thread: a Louvain community, labelled by its most distinctive entities. */
export interface Thread {
  id: number;
  label: string;
  color: string;
  /** Nodes in the thread, and how many of them are papers. */
  size: number;
  paperCount: number;
  /** How many of its papers name an entity of its label: how far the label speaks for the thread. */
  labelPaperCount: number;
  top: Record<EntityType, ThreadMember[]>;
  /** Representative papers, by degree centrality within the thread. */
  papers: ThreadMember[];
  /**
   * A sub-thread's place: its thread's id, then its index at each level ("3.0.2"); a sub-thread's
   * `id` is its index among its siblings. Absent on threads.
   */
  path?: string;
  /** The parts of a large thread, labelled by the same rule, most papers first. */
  subthreads?: Thread[];
}

export interface ThreadReport {
  modularity: number;
  resolution: number;
  threads: Thread[];
  /** What is rising in the recent months, entities and threads: the viewer's "Rising" list. */
  rising?: { since: string; months: string[]; trends: Trend[] };
}

/** An entity or thread whose papers month by month tell a trend (see `papergraph trends`). */
export interface Trend {
  id: string;
  label: string;
  type: EntityType | "thread";
  /** Its dated papers, and the month of the first. */
  papers: number;
  first: string;
  /** Papers month by month, aligned with the report's months. */
  monthly: number[];
  /** Rising: the burst that runs into the recent months. */
  burst?: { start: string; end: string; strength: number };
  /** Fading: its share of the papers before the recent months and in them, and the G² of the change. */
  change?: { before: number; recent: number; g2: number };
}
