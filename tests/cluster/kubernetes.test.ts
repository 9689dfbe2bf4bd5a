import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Job } from "kubernetes-models/batch/v1/Job";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { corpusDir, expectSameAsOneMachine, PAPERGRAPH_BIN } from "./helpers.js";

const MANIFESTS = join(import.meta.dirname, "..", "..", "deploy", "kubernetes");

async function manifest(name: string): Promise<Job> {
  const job = new Job(parse(await readFile(join(MANIFESTS, name), "utf8")));
  job.validate();
  return job;
}

/** The container's one command, run here as the pod would run it, with these env values. */
function runAsPod(job: Job, dir: string, env: Record<string, string>) {
  const container = job.spec?.template.spec?.containers[0];
  expect(container?.command).toEqual(["sh", "-c"]);
  const podEnv = Object.fromEntries(container?.env?.map((e) => [e.name, e.value ?? ""]) ?? []);
  const run = spawnSync("sh", ["-c", container?.args?.[0] as string], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ...podEnv, ...env },
  });
  expect(run.status, run.stderr).toBe(0);
}

describe("extraction as a Kubernetes Indexed Job (deploy/kubernetes)", () => {
  it("is a valid Job of the batch/v1 schema, one pod a shard", async () => {
    const job = await manifest("extract-job.yaml");
    expect(job.spec?.completionMode).toBe("Indexed");
    const shards = job.spec?.template.spec?.containers[0]?.env?.find((e) => e.name === "SHARDS");
    expect(Number(shards?.value)).toBe(job.spec?.completions);
    expect(job.spec?.template.spec?.restartPolicy).toBe("Never");
    await manifest("build-job.yaml");
  });

  it("refuses a manifest the schema does not allow", () => {
    const job = new Job({
      metadata: { name: "x" },
      spec: { completions: "eight" as unknown as number, template: { spec: { containers: [] } } },
    });
    expect(() => job.validate()).toThrow(/completions must be integer/);
  });

  it("its pods' commands, run as each index would, build the one-machine graph", async () => {
    const dir = await corpusDir(60);
    const extract = await manifest("extract-job.yaml");
    const local = { CORPUS: "corpus.jsonl", PAPERGRAPH: PAPERGRAPH_BIN };
    for (let index = 0; index < (extract.spec?.completions ?? 0); index++)
      runAsPod(extract, dir, { ...local, JOB_COMPLETION_INDEX: String(index), SHARDS_DIR: "s" });
    runAsPod(await manifest("build-job.yaml"), dir, {
      ...local,
      SHARDS_DIR: "s",
      BUILD_DIR: "from-pods",
    });
    await expectSameAsOneMachine(dir, "from-pods");
  }, 120_000);
});
