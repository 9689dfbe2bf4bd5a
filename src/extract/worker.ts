/**
 * An extraction worker: analyses the batches of papers it is sent and posts the results back.
 * Per-paper analysis is independent; the corpus pass (canonicalize) stays on the main thread.
 */
import { parentPort } from "node:worker_threads";
import type { Paper } from "../types.js";
import { loadTagger } from "./nlp.js";
import { analyzePaper } from "./paper.js";

parentPort?.on("message", ({ id, papers }: { id: number; papers: Paper[] }) => {
  parentPort?.postMessage({ id, analyzed: papers.map((paper) => analyzePaper(paper)) });
});

// Ready before the first batch: a worker started ahead of need loads the tagger meanwhile.
loadTagger();
