import { spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { papergraph } from "../helpers/cli.js";
import { REQUIREMENTS } from "../helpers/requirements.js";
import { corpusDir, expectSameAsOneMachine, PAPERGRAPH_BIN } from "./helpers.js";

const SBATCH = join(import.meta.dirname, "..", "..", "deploy", "slurm", "extract.sbatch");

describe.skipIf(!REQUIREMENTS.slurm.met)("extraction as a Slurm job array", () => {
  it("runs 4 shards as array tasks, and builds from them the one-machine graph", async () => {
    const dir = await corpusDir(160);
    const submitted = spawnSync(
      "sbatch",
      [
        "--wait",
        "--array=0-3",
        "--cpus-per-task=1",
        "--mem=1G",
        `--output=${join(dir, "task-%a.out")}`,
        SBATCH,
        "corpus.jsonl",
        "shards",
      ],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, PAPERGRAPH: `node ${PAPERGRAPH_BIN}` },
        timeout: 180_000,
      },
    );
    const logs = await Promise.all(
      [0, 1, 2, 3].map((i) => readFile(join(dir, `task-${i}.out`), "utf8").catch(() => "")),
    );
    expect(submitted.status, `${submitted.stderr}\n${logs.join("\n")}`).toBe(0);
    expect(submitted.stdout).toMatch(/^Submitted batch job \d+/);
    expect((await readdir(join(dir, "shards"))).sort()).toEqual(
      [0, 1, 2, 3].map((i) => `analyses-${i}-of-4.jsonl`),
    );
    const run = await papergraph(
      ["build", "--analyses", "shards", "--no-extract", "--out", "sharded", "-q"],
      dir,
    );
    expect(run.code, run.stderr).toBe(0);
    await expectSameAsOneMachine(dir, "sharded");
  }, 240_000);
});
