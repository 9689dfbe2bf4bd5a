/** I/O helpers shared by the CLI and the writers of every stage. */
export {
  type FileData,
  removeStaleTemporaries,
  writeFileAtomic,
  writeFilesAtomic,
} from "./atomic.js";
export { toJsonLines } from "./jsonl.js";
