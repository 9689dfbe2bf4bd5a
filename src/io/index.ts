/** I/O helpers shared by the CLI and the writers of every stage. */
export {
  type FileData,
  removeStaleTemporaries,
  writeChunks,
  writeFileAtomic,
  writeFilesAtomic,
} from "./atomic.js";
export { chunked, jsonChunksOf } from "./chunks.js";
export { type JsonObjectReader, readJsonObject } from "./json-stream.js";
export { toJsonLines } from "./jsonl.js";
export { startWorker } from "./worker.js";
