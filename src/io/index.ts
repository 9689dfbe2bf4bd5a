/** I/O helpers shared by the CLI and the writers of every stage. */
export { removeStaleTemporaries, writeFileAtomic, writeFilesAtomic } from "./atomic.js";
export { toJsonLines } from "./jsonl.js";
