/**
 * The gaps the viewer asks of a served build ("Not yet studied with", a thread's matrix): the
 * field and its scorer are made once, on the first question, and again when graph.json changes.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { GRAPH_FILE, loadGraph } from "../build-folder.js";
import {
  findGaps,
  type GapField,
  type GapReport,
  gapField,
  incidenceOf,
  PAIR_TYPE_NAMES,
  type PairType,
} from "../time/index.js";

/** Most partners one question may ask for. */
const MOST = 200;

export type GapsAnswer = { status: 200; report: GapReport } | { status: 400 | 404; error: string };

export function gapsAnswerer(graphDir: string): (query: URLSearchParams) => Promise<GapsAnswer> {
  let made: { mtime: number; field: Promise<GapField> } | undefined;
  const fieldNow = async () => {
    const { mtimeMs } = await stat(join(graphDir, GRAPH_FILE));
    if (made?.mtime !== mtimeMs)
      made = {
        mtime: mtimeMs,
        field: loadGraph(graphDir).then((graph) => gapField(incidenceOf(graph))),
      };
    return made.field;
  };
  return async (query) => {
    const concept = query.get("concept") ?? "";
    const limit = Number(query.get("limit") ?? "10");
    const pair = query.get("pair");
    if (!Number.isInteger(limit) || limit < 1 || limit > MOST)
      return { status: 400, error: `limit must be a whole number from 1 to ${MOST}` };
    if (pair !== null && !PAIR_TYPE_NAMES.includes(pair as PairType))
      return { status: 400, error: `pair must be one of ${PAIR_TYPE_NAMES.join(", ")}` };
    const field = await fieldNow();
    if (!field.incidence.ids.includes(concept))
      return { status: 404, error: `no entity "${concept}" in this build` };
    const pairs = pair === null ? undefined : [pair as PairType];
    return { status: 200, report: findGaps(field, { concept, limit, pairs }) };
  };
}
