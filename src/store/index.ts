/**
 * Store: the embedded database of a build (SQLite, in the output folder): the papers the build was
 * made from, and each paper's extraction keyed by its content and the extractor's fingerprint.
 * Every write is a transaction, so a crash mid-build leaves the store as it was before or after.
 */
import Database from "better-sqlite3";
import type { AnalysisCache, CachedAnalysis } from "../extract/index.js";
import type { Paper } from "../types.js";

export const STORE_FILE = "cache.sqlite";

export interface BuildStore extends AnalysisCache {
  /** The papers of the last build, in order; empty when the store is new. */
  loadPapers(): Paper[];
  savePapers(papers: readonly Paper[]): void;
  /** Drops analyses made by other extractor versions. */
  prune(fingerprint: string): number;
  close(): void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS analyses (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, data TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS papers (position INTEGER PRIMARY KEY, record TEXT NOT NULL);
`;

/** Opens (creating if needed) the store at `path`. */
export function openBuildStore(path: string, fingerprint: string): BuildStore {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(SCHEMA);
  const select = db.prepare<[string], { data: string }>("SELECT data FROM analyses WHERE key = ?");
  const insert = db.prepare(
    "INSERT OR REPLACE INTO analyses (key, fingerprint, data) VALUES (?, ?, ?)",
  );
  const insertPaper = db.prepare("INSERT INTO papers (position, record) VALUES (?, ?)");
  const putAll = db.transaction((entries: readonly (readonly [string, CachedAnalysis])[]) => {
    for (const [key, analysis] of entries) insert.run(key, fingerprint, JSON.stringify(analysis));
  });
  const replacePapers = db.transaction((papers: readonly Paper[]) => {
    db.prepare("DELETE FROM papers").run();
    papers.forEach((paper, position) => {
      insertPaper.run(position, JSON.stringify(paper));
    });
  });
  return {
    get(keys) {
      const found = new Map<string, CachedAnalysis>();
      for (const key of keys) {
        const row = select.get(key);
        if (row) found.set(key, JSON.parse(row.data) as CachedAnalysis);
      }
      return found;
    },
    put: (entries) => putAll(entries),
    loadPapers: () =>
      (db.prepare("SELECT record FROM papers ORDER BY position").all() as { record: string }[]).map(
        (r) => JSON.parse(r.record) as Paper,
      ),
    savePapers: (papers) => replacePapers(papers),
    prune: (current) =>
      db.prepare("DELETE FROM analyses WHERE fingerprint != ?").run(current).changes,
    close: () => db.close(),
  };
}
