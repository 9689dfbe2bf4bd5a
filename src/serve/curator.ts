import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import { CorrectionError, correctionFrom, correctionLine } from "../curate/index.js";
import { writeFileAtomic } from "../io/index.js";
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
      const line = correctionLine(correction);
      const before = await readFile(file, "utf8").catch(() => undefined);
      await appendCorrections(file, [correction]);
      try {
        const { unused } = (await rebuilt()).corrections;
        const appendedAt = (await readFile(file, "utf8")).trimEnd().split(/\r\n|\r|\n/).length;
        if (unused.some((c) => c.source.line === appendedAt))
          throw new CorrectionError(`${line} changes nothing in this build: it names nothing here`);
      } catch (error) {
        // A fix that stops the rebuild or changes nothing is refused, and the file kept as it was.
        if (before === undefined) await rm(file, { force: true });
        else await writeFileAtomic(file, before);
        throw error;
      }
      return { file, line };
    },
    async undo() {
      const last = await undoLastCorrection(file);
      await rebuilt();
      return { file, line: last && correctionLine(last) };
    },
  };
}
