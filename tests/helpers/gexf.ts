import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempDir } from "./cli.js";

/** The GEXF 1.3 grammar, vendored with its attribution (tests/fixtures/gexf-1.3/NOTICE.md). */
export const GEXF_GRAMMAR = join(import.meta.dirname, "..", "fixtures", "gexf-1.3", "gexf.rng");

/** xmllint's verdict on a GEXF document against the grammar: its exit status and its report. */
export async function validateGexf(
  gexf: string,
): Promise<{ status: number | null; report: string }> {
  const file = join(await tempDir(), "check.gexf");
  // The grammar does not declare xsi:schemaLocation, which writers add to the root.
  await writeFile(
    file,
    gexf.replace(/ xmlns:xsi="[^"]*"/, "").replace(/ xsi:schemaLocation="[^"]*"/, ""),
  );
  const result = spawnSync("xmllint", ["--noout", "--relaxng", GEXF_GRAMMAR, file], {
    encoding: "utf8",
  });
  return { status: result.status, report: result.stderr };
}
