import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { startWorker } from "../io/index.js";
import type { Paper } from "../types.js";
import { type CachedAnalysis, fromCached } from "./cache.js";
import type { AnalyzedPaper } from "./paper.js";

/** Papers sent to a worker at a time: large enough to amortise messaging, small enough to balance. */
const BATCH = 25;

/**
 * Batches a worker holds at once: the next is already there when it finishes one, so it never
 * waits on this thread to be sent another.
 */
const IN_FLIGHT = 2;

/**
 * The worker's entry point, from this file in src/ as from the CLI bundled at dist/cli/main.js:
 * both lie one folder below the root of their tree.
 */
const WORKER = "../extract/worker";

/**
 * Each extraction worker's old generation, in MB. Left to itself, V8 let a worker's heap grow to
 * three times what it holds (about 130 MB: models, caches, the batch at hand) before collecting,
 * and two such workers set the build's peak memory (0.9–1.3 GB at 10,000 papers; 0.81–0.83 capped).
 * A batch of 25 papers needs a few MB; the cap leaves room for the longest abstracts allowed.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 384 };

/** Workers started before they were needed (prestartWorkers), taken before any new one. */
const spare: Worker[] = [];

/**
 * Starts extraction workers now, to be taken by the next analyzeInWorkers: they load the tagger
 * while this thread does other work. Unused, they do not keep the process alive. None on a single
 * core, where a worker would only take time from this thread.
 */
export function prestartWorkers(count: number): void {
  if (defaultWorkers() <= 1) return;
  for (let i = 0; i < count; i++) {
    const worker = startWorker(import.meta.url, WORKER, WORKER_LIMITS);
    worker.unref();
    spare.push(worker);
  }
}

function takeWorker(): Worker {
  const worker = spare.pop() ?? startWorker(import.meta.url, WORKER, WORKER_LIMITS);
  worker.ref();
  return worker;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Analyses as the cache keeps them, handed on as they come: those of the papers from `from` on,
 * by their place in the papers being analysed.
 */
export type AnalysesSink = (from: number, analyses: readonly CachedAnalysis[]) => void;

export interface WorkerOptions {
  onProgress?: (done: number, total: number) => void;
  /** Given each batch's analyses as it comes back, before they are restored here. */
  onAnalyses?: AnalysesSink;
  /** Batches each worker holds at once (IN_FLIGHT). */
  inFlight?: number;
  /** false: the analyses are only handed on (onAnalyses), none returned. */
  keep?: boolean;
}

/**
 * Analyses papers on `workers` threads, in batches, and returns the results in input order, so
 * the outcome is the same as one thread's (none where `keep` is false).
 */
export async function analyzeInWorkers(
  papers: readonly Paper[],
  workers: number,
  { onProgress, onAnalyses, inFlight = IN_FLIGHT, keep = true }: WorkerOptions = {},
): Promise<AnalyzedPaper[]> {
  const batches: Paper[][] = [];
  for (let i = 0; i < papers.length; i += BATCH) batches.push(papers.slice(i, i + BATCH));
  const results: AnalyzedPaper[][] = new Array(batches.length);
  const pool = Array.from({ length: Math.min(workers, batches.length) }, takeWorker);
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let held = 0;
            const send = () => {
              if (next >= batches.length) return;
              const id = next++;
              worker.postMessage({ id, papers: batches[id] });
              held++;
            };
            worker.on("message", ({ id, analyzed }: { id: number; analyzed: CachedAnalysis[] }) => {
              const batch = batches[id] as Paper[];
              try {
                // Handed on first: restoring the sentences below rewrites the analyses in place.
                onAnalyses?.(id * BATCH, analyzed);
              } catch (error) {
                reject(error);
                return;
              }
              if (keep)
                results[id] = batch.map((paper, i) =>
                  fromCached(paper, analyzed[i] as CachedAnalysis),
                );
              done += batch.length;
              held--;
              onProgress?.(done, papers.length);
              send();
              if (held === 0) resolve();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`an extraction worker stopped with code ${code}`));
            });
            for (let i = 0; i < inFlight && next < batches.length; i++) send();
            if (held === 0) resolve();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results.flat();
}
