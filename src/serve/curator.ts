import { randomBytes } from "node:crypto";
import { correctionFrom, correctionLine } from "../curate/index.js";
import type { PipelineOptions } from "../options.js";
import { appendCorrections, correctionsFileOf, rebuild, undoLastCorrection } from "../pipeline.js";
import type { Curator } from "./index.js";

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
