/**
 * What a large build keeps in its store rather than in memory until its files are written: its
 * tail (graph/tail.ts) and its papers' texts (graph/build.ts PaperText). Each is written by a
 * function of its own: a closure made beside the rows would share their scope, and the handle
 * returned would hold every row it was meant to let go.
 */
import type Database from "better-sqlite3";
import {
  type PaperText,
  type PaperTexts,
  paperNodeId,
  paperText,
  summarizeTail,
  type Tail,
  type TailSummary,
} from "../graph/index.js";
import type { PaperExtraction, TailEntity } from "../types.js";

/** Tail rows read a page at a time: no statement stays open while others write. */
const TAIL_PAGE = 4096;

function writeTail(db: Database.Database, entities: readonly TailEntity[]): void {
  db.transaction(() => {
    db.prepare("DELETE FROM tail").run();
    const insert = db.prepare("INSERT INTO tail (position, paper, entity) VALUES (?, ?, ?)");
    entities.forEach((entity, position) => {
      insert.run(position, entity.paper, JSON.stringify(entity));
    });
  })();
}

function readTail(db: Database.Database, summary: TailSummary): Tail {
  const page = db.prepare<[number, number], { entity: string }>(
    "SELECT entity FROM tail WHERE position >= ? ORDER BY position LIMIT ?",
  );
  const ofPaper = db.prepare<[string], { entity: string }>(
    "SELECT entity FROM tail WHERE paper = ? ORDER BY position",
  );
  const parse = ({ entity }: { entity: string }) => JSON.parse(entity) as TailEntity;
  return {
    summary,
    *all() {
      for (let from = 0; from < summary.nodes; from += TAIL_PAGE)
        yield* page.all(from, TAIL_PAGE).map(parse);
    },
    ofPaper: (paper) => ofPaper.all(paper).map(parse),
  };
}

/** A tail kept in the store, in place of the last build's: read a page at a time, or one paper's. */
export function tailInStore(db: Database.Database, entities: readonly TailEntity[]): Tail {
  writeTail(db, entities);
  return readTail(db, summarizeTail(entities));
}

function writeTexts(db: Database.Database, papers: readonly PaperExtraction[]): void {
  db.transaction(() => {
    db.prepare("DELETE FROM paper_texts").run();
    const insert = db.prepare("INSERT INTO paper_texts (node, text) VALUES (?, ?)");
    for (const paper of papers)
      insert.run(paperNodeId(paper.paper.id), JSON.stringify(paperText(paper)));
  })();
}

function readTexts(db: Database.Database): PaperTexts {
  const select = db.prepare<[string], { text: string }>(
    "SELECT text FROM paper_texts WHERE node = ?",
  );
  return {
    of(paper) {
      const row = select.get(paper);
      return row && (JSON.parse(row.text) as PaperText);
    },
  };
}

/** Papers' texts kept in the store, in place of the last build's, each read back by its paper. */
export function textsInStore(
  db: Database.Database,
  papers: readonly PaperExtraction[],
): PaperTexts {
  writeTexts(db, papers);
  return readTexts(db);
}
