/**
 * Store: the embedded database of a build (SQLite, in the output folder): the papers the build was
 * made from, and each paper's extraction keyed by its content and the extractor's fingerprint.
 * Every write is a transaction, so a crash mid-build leaves the store as it was before or after.
 */
import Database from "better-sqlite3";
import type { AnalysisCache, CachedAnalysis } from "../extract/index.js";
import type { PaperTexts, Tail } from "../graph/index.js";
import type { NodePlacement, Paper, PaperExtraction, TailEntity } from "../types.js";
import { tailInStore, textsInStore } from "./kept.js";
import {
  SEARCH_SCHEMA,
  type SearchHit,
  type SearchRow,
  searchIndex,
  writeSearch,
} from "./search.js";

export {
  type AnalysesHeader,
  analysesFileName,
  type ImportedAnalyses,
  importAnalyses,
  writeAnalysesFile,
} from "./analyses-file.js";

export type { SearchHit, SearchRow } from "./search.js";

export const STORE_FILE = "cache.sqlite";

export interface BuildStore extends AnalysisCache {
  /** The papers of the last build, in order; empty when the store is new. */
  loadPapers(): Paper[];
  /** How many papers the last build had, without loading them. */
  paperCount(): number;
  /** How many papers' analyses the store holds. */
  analysisCount(): number;
  /** Each node's position and thread in the last build, for an incremental build to keep. */
  loadPlacements(): Map<string, NodePlacement>;
  /**
   * The papers of a build, saved once they are analysed: the build then lets them go, and `add`
   * and `rebuild` start from them.
   */
  savePapers(papers: readonly Paper[]): void;
  /** The node placements of a finished build. */
  savePlacements(placements: Iterable<[node: string, NodePlacement]>): void;
  /**
   * Keeps a build's tail (graph/tail.ts) here rather than in memory, in place of the last build's,
   * and reads it back as it is written out.
   */
  keepTail(entities: readonly TailEntity[]): Tail;
  /** Keeps the papers' texts (graph/build.ts PaperText) here rather than in the graph. */
  keepTexts(papers: readonly PaperExtraction[]): PaperTexts;
  /** Lets the tail and the papers' texts go once the build's files hold them. */
  dropKept(): void;
  /** Every node's names, for `papergraph serve` to search (openSearch). */
  saveSearch(rows: Iterable<SearchRow>): void;
  /** A setting the build keeps for the next add or rebuild (the corrections file it read). */
  setting(name: string): string | undefined;
  saveSetting(name: string, value: string | undefined): void;
  /** Drops analyses made by other extractor versions. */
  prune(fingerprint: string): number;
  close(): void;
}

/** Keys per cache lookup query; SQLite allows 32,766 parameters. */
const LOOKUP_BATCH = 500;

interface AnalysisRow {
  key: string;
  data: string;
}

interface PlacementRow extends NodePlacement {
  node: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS papers (position INTEGER PRIMARY KEY, record TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS placements (node TEXT PRIMARY KEY, x REAL NOT NULL, y REAL NOT NULL, thread INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS tail (position INTEGER PRIMARY KEY, paper TEXT NOT NULL, entity TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS tail_by_paper ON tail (paper);
  CREATE TABLE IF NOT EXISTS paper_texts (node TEXT PRIMARY KEY, text TEXT NOT NULL);
`;

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, i) => item === b[i]);
}

/**
 * Whether a paper would be written as the record it was read from, told without writing it: a
 * merged copy of a loaded paper shares its strings, and its lists' items.
 */
function sameRecord(read: Paper, paper: Paper): boolean {
  const keys = Object.keys(read);
  const others = Object.keys(paper);
  if (keys.length !== others.length) return false;
  return keys.every(
    (key, i) => key === others[i] && sameValue(read[key as keyof Paper], paper[key as keyof Paper]),
  );
}

/**
 * The analyses table's rows of these keys, LOOKUP_BATCH keys to a statement: one query per key
 * cost more than the parsing.
 */
function* analysisRows<Row>(
  db: Database.Database,
  columns: string,
  keys: readonly string[],
): Generator<Row> {
  for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
    const batch = keys.slice(i, i + LOOKUP_BATCH);
    yield* db
      .prepare<string[], Row>(
        `SELECT ${columns} FROM analyses WHERE key IN (${batch.map(() => "?").join(",")})`,
      )
      .all(...batch);
  }
}

/** Opens (creating if needed) the store at `path`. */
export function openBuildStore(path: string, fingerprint: string): BuildStore {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(SCHEMA);
  db.exec(SEARCH_SCHEMA);
  const insert = db.prepare(
    "INSERT OR REPLACE INTO analyses (key, fingerprint, data) VALUES (?, ?, ?)",
  );
  const putAll = db.transaction((entries: readonly (readonly [string, CachedAnalysis])[]) => {
    for (const [key, analysis] of entries) insert.run(key, fingerprint, JSON.stringify(analysis));
  });
  // Paper records as read, by position: a build that adds 100 papers to 10,000 rewrites the rows
  // that changed, not all of them.
  let asRead: readonly Paper[] = [];
  const upsertPaper = db.prepare("INSERT OR REPLACE INTO papers (position, record) VALUES (?, ?)");
  // Placements as last read or written: a build that keeps the map rewrites only what moved.
  let placed: Map<string, NodePlacement> | undefined;
  const upsertPlacement = db.prepare(
    "INSERT OR REPLACE INTO placements (node, x, y, thread) VALUES (?, ?, ?, ?)",
  );
  const deletePlacement = db.prepare("DELETE FROM placements WHERE node = ?");
  const samePlacement = (a: NodePlacement | undefined, b: NodePlacement) =>
    a !== undefined && a.x === b.x && a.y === b.y && a.thread === b.thread;
  const savePapers = db.transaction((papers: readonly Paper[]) => {
    papers.forEach((paper, position) => {
      const was = asRead[position];
      if (!was || !sameRecord(was, paper)) upsertPaper.run(position, JSON.stringify(paper));
    });
    db.prepare("DELETE FROM papers WHERE position >= ?").run(papers.length);
  });
  const savePlacements = db.transaction((placements: ReadonlyMap<string, NodePlacement>) => {
    if (!placed) db.prepare("DELETE FROM placements").run();
    for (const [node, at] of placements)
      if (!samePlacement(placed?.get(node), at)) upsertPlacement.run(node, at.x, at.y, at.thread);
    for (const node of placed?.keys() ?? []) if (!placements.has(node)) deletePlacement.run(node);
  });
  return {
    get(keys) {
      const found = new Map<string, CachedAnalysis>();
      for (const row of analysisRows<AnalysisRow>(db, "key, data", keys))
        found.set(row.key, JSON.parse(row.data) as CachedAnalysis);
      return found;
    },
    held: (keys) =>
      new Set(Array.from(analysisRows<{ key: string }>(db, "key", keys), (r) => r.key)),
    put: (entries) => putAll(entries),
    loadPapers: () => {
      const rows = db.prepare("SELECT record FROM papers ORDER BY position").all() as {
        record: string;
      }[];
      asRead = rows.map((r) => JSON.parse(r.record) as Paper);
      return asRead.map((paper) => ({ ...paper }));
    },
    paperCount: () => (db.prepare("SELECT count(*) AS n FROM papers").get() as { n: number }).n,
    analysisCount: () =>
      (db.prepare("SELECT count(*) AS n FROM analyses").get() as { n: number }).n,
    loadPlacements: () => {
      const rows = db.prepare("SELECT node, x, y, thread FROM placements").all() as PlacementRow[];
      placed = new Map(rows.map(({ node, x, y, thread }) => [node, { x, y, thread }]));
      return new Map(placed);
    },
    savePapers(papers) {
      savePapers(papers);
      // The papers saved are the caller's, who may change them: written whole next time.
      asRead = [];
    },
    savePlacements(placements) {
      // Remembered once committed: a rolled-back transaction wrote nothing.
      const kept = new Map(placements);
      savePlacements(kept);
      placed = kept;
    },
    keepTail: (entities) => tailInStore(db, entities),
    keepTexts: (papers) => textsInStore(db, papers),
    dropKept: () => {
      db.prepare("DELETE FROM tail").run();
      db.prepare("DELETE FROM paper_texts").run();
    },
    saveSearch: (rows) => writeSearch(db, rows),
    setting: (name) =>
      (
        db.prepare("SELECT value FROM settings WHERE name = ?").get(name) as
          | { value: string }
          | undefined
      )?.value,
    saveSetting: (name, value) => {
      if (value === undefined) db.prepare("DELETE FROM settings WHERE name = ?").run(name);
      else
        db.prepare("INSERT OR REPLACE INTO settings (name, value) VALUES (?, ?)").run(name, value);
    },
    prune: (current) =>
      db.prepare("DELETE FROM analyses WHERE fingerprint != ?").run(current).changes,
    close: () => db.close(),
  };
}

/**
 * The search index of a build's store, opened to read; undefined where the build has none (built
 * with --no-cache, or before the index was written).
 */
export function openSearch(
  path: string,
): { search: (text: string, limit: number) => SearchHit[]; close: () => void } | undefined {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'search'")
    .get();
  if (!table) {
    db.close();
    return undefined;
  }
  return { search: searchIndex(db), close: () => db.close() };
}
