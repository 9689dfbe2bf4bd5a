/**
 * The unannotated arXiv abstracts of ../shared/arxiv (arXiv metadata is CC0), which the word
 * clusters and the part-of-speech tagger learn from. Read here, never shipped.
 */
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

export const ARXIV_CORPUS = join(
  import.meta.dirname,
  "..",
  "..",
  "shared",
  "arxiv",
  "arxiv-cs-2025-2026.jsonl.gz",
);

/** A title and abstract of the corpus, as the file gives them. */
export interface ArxivRecord {
  title?: string;
  abstract?: string;
}

/** Every record of a gzipped JSON Lines file of abstracts, in file order. */
export async function readArxiv(path: string): Promise<ArxivRecord[]> {
  const records: ArxivRecord[] = [];
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) if (line.trim() !== "") records.push(JSON.parse(line));
  return records;
}
