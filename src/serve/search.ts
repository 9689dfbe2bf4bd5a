/**
 * Search for the viewer of a served build, from the build's store (SQLite FTS5): every node, those
 * the map leaves off included. The index is opened on the first question and kept; SQLite sees
 * a rebuild's new index through the same connection.
 */
import { join } from "node:path";
import { openSearch, type SearchHit, STORE_FILE } from "../store/index.js";

/** Most matches one question may ask for. */
const MOST = 100;

export type SearchAnswer =
  | { status: 200; hits: SearchHit[] }
  | { status: 400 | 404; error: string };

export function searchAnswerer(graphDir: string): (query: URLSearchParams) => SearchAnswer {
  let index: ReturnType<typeof openSearch>;
  return (query) => {
    const text = query.get("q") ?? "";
    const limit = Number(query.get("limit") ?? "20");
    if (!Number.isInteger(limit) || limit < 1 || limit > MOST)
      return { status: 400, error: `limit must be a whole number from 1 to ${MOST}` };
    index ??= openSearch(join(graphDir, STORE_FILE));
    if (!index)
      return {
        status: 404,
        error: "this build has no search index (built with --no-cache, or by an older papergraph)",
      };
    return { status: 200, hits: index.search(text, limit) };
  };
}
