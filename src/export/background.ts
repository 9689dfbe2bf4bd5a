import { availableParallelism } from "node:os";
import type { KnowledgeGraph } from "../graph/index.js";
import { type FileData, startWorker } from "../io/index.js";
import { type GexfTable, gexfChunks, gexfTable } from "./gexf.js";

/** Edges from which GEXF is written on a worker thread: below, starting one costs more than it saves. */
const BACKGROUND_FROM = 20_000;

/** The worker's entry point, from this file in src/ as from the CLI bundled at dist/cli/main.js. */
const WORKER = "../export/worker";

function writeOnWorker(table: GexfTable, path: string): Promise<void> {
  const worker = startWorker(import.meta.url, WORKER);
  const written = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the GEXF writer stopped with code ${code}`)));
  });
  // The edge columns are moved to the worker, not copied.
  const { edgeEnds, edgeTypes, edgeWeights, edgeRelations, edgeCounts, edgeStarts } = table;
  const columns = [edgeEnds, edgeTypes, edgeWeights, edgeRelations, edgeCounts, edgeStarts];
  worker.postMessage(
    { table, path },
    columns.map((column) => column.buffer as ArrayBuffer),
  );
  return written.finally(() => worker.terminate());
}

/**
 * The graph's GEXF as file data for writeFilesAtomic: for a large graph, a writer on a worker
 * thread, so the GEXF is written while this thread writes graph.json (half the export of a
 * 10,000-paper build); for a small one, or on one core, chunks written here. `background`
 * overrides the choice.
 */
export function gexfFileData(
  graph: KnowledgeGraph,
  leftOut = 0,
  background = graph.size >= BACKGROUND_FROM && availableParallelism() > 1,
): FileData {
  const table = gexfTable(graph, leftOut);
  return background ? (path) => writeOnWorker(table, path) : gexfChunks(table);
}
