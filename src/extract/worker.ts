/**
 * An extraction worker: analyses the batches of papers it is sent and posts the results back.
 * Per-paper analysis is independent; the corpus pass (canonicalize) stays on the main thread.
 */
import { parentPort } from "node:worker_threads";
import type { Paper } from "../types.js";
import { toCached } from "./cache.js";
import { loadTagger } from "./nlp.js";
import { analyzePaper } from "./paper.js";

// Analyses go back as the cache keeps them, without the paper and with sentences as offsets: the
// main thread holds the papers, and copying their text back cost as much as the rest.
parentPort?.on("message", ({ id, papers }: { id: number; papers: Paper[] }) => {
  parentPort?.postMessage({ id, analyzed: papers.map((paper) => toCached(analyzePaper(paper))) });
});

// Ready before the first batch: a worker started ahead of need loads the tagger meanwhile.
loadTagger();
