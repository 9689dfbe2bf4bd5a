/**
 * The unannotated arXiv abstracts of ../shared/arxiv (arXiv metadata is CC0), which the word
 * clusters and the part-of-speech tagger learn from. Read here, never shipped.
 */
import { createReadStream, existsSync } from "node:fs";
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

/** Every record of a gzipped JSON Lines file of abstracts, in file order; exits naming a missing file. */
export async function readArxiv(path: string): Promise<ArxivRecord[]> {
  if (!existsSync(path)) {
    console.error(
      `${path}: no such file (the arXiv abstracts of ../shared/arxiv; --corpus names another)`,
    );
    process.exit(1);
  }
  const records: ArxivRecord[] = [];
  const lines = createInterface({
    input: createReadStream(path).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === "") continue;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      console.error(`${path}:${number}: malformed JSON: ${(error as Error).message}`);
      process.exit(1);
    }
  }
  return records;
}
