/**
 * A GEXF worker: writes the document of the table it is sent to the path it is sent, then says so.
 * A failed write throws here and reaches the main thread as the worker's error.
 */
import { parentPort } from "node:worker_threads";
import { writeChunks } from "../io/index.js";
import { type GexfTable, gexfChunks } from "./gexf.js";

parentPort?.once("message", ({ table, path }: { table: GexfTable; path: string }) => {
  writeChunks(path, gexfChunks(table));
  parentPort?.postMessage("written");
});
