import { availableParallelism } from "node:os";
import { startWorker } from "../io/index.js";
import type { Paper } from "../types.js";
import type { AnalyzedPaper } from "./paper.js";

/** Papers sent to a worker at a time: large enough to amortise messaging, small enough to balance. */
const BATCH = 50;

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Analyses papers on `workers` threads, in batches, and returns the results in input order, so
 * the outcome is the same as one thread's.
 */
export async function analyzeInWorkers(
  papers: readonly Paper[],
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<AnalyzedPaper[]> {
  const batches: Paper[][] = [];
  for (let i = 0; i < papers.length; i += BATCH) batches.push(papers.slice(i, i + BATCH));
  const results: AnalyzedPaper[][] = new Array(batches.length);
  const pool = Array.from({ length: Math.min(workers, batches.length) }, () =>
    startWorker(import.meta.url, "worker"),
  );
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= batches.length) return resolve();
              const id = next++;
              worker.postMessage({ id, papers: batches[id] });
            };
            worker.on("message", ({ id, analyzed }: { id: number; analyzed: AnalyzedPaper[] }) => {
              results[id] = analyzed;
              done += analyzed.length;
              onProgress?.(done, papers.length);
              send();
            });
            worker.on("error", reject);
            worker.on("exit", (code) => {
              if (code !== 0) reject(new Error(`an extraction worker stopped with code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results.flat();
}
