/** I/O helpers shared by the CLI and the writers of every stage. */
export { writeFileAtomic } from "./atomic.js";
export { toJsonLines } from "./jsonl.js";
