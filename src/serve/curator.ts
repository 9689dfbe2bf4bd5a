import { randomBytes } from "node:crypto";
import { correctionFrom, correctionLine } from "../curate/index.js";
import type { PipelineOptions } from "../options.js";
import { appendCorrections, correctionsFileOf, rebuild, undoLastCorrection } from "../pipeline.js";

/** What the server does with a curator's requests; each answers with what the rebuild applied. */
export interface Curator {
  /** The secret of this run: the page is served with it, and every request must carry it. */
  token: string;
  /** Appends a correction (the request's JSON) and rebuilds. */
  correct(record: unknown): Promise<CuratorReply>;
  /** Removes the last correction and rebuilds. */
  undo(): Promise<CuratorReply>;
}

export interface CuratorReply {
  /** The correction appended or removed, as its line in the corrections file. */
  line?: string;
  file: string;
}

/**
 * The curator of a build: each fix from the map is appended to the build's corrections file, and
 * the graph rebuilt from the cache (no extraction, the map kept); undo removes the last line.
 */
export function buildCurator(options: Partial<PipelineOptions>): Curator {
  const file = correctionsFileOf(options);
  const rebuilt = () => rebuild({ ...options, corrections: file });
  return {
    token: randomBytes(24).toString("hex"),
    async correct(record) {
      const correction = correctionFrom(record, { file, line: 0 });
      await appendCorrections(file, [correction]);
      await rebuilt();
      return { file, line: correctionLine(correction) };
    },
    async undo() {
      const last = await undoLastCorrection(file);
      await rebuilt();
      return { file, line: last && correctionLine(last) };
    },
  };
}
