import { createHash } from "node:crypto";
import { UsageError } from "../errors.js";
import type { Paper } from "../types.js";

/** One of `count` equal parts of a corpus, extracted by one task of a job array. */
export interface Shard {
  /** 0 … count − 1: a Slurm array task's SLURM_ARRAY_TASK_ID, a Kubernetes JOB_COMPLETION_INDEX. */
  index: number;
  count: number;
}

/** Enough for any cluster's array, small enough to list the shards a folder lacks. */
const MAX_SHARDS = 10_000;

/** "i/N" as `--shard` takes it. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index >= count)
    throw new UsageError(
      `--shard takes i/N with 0 ≤ i < N ≤ ${MAX_SHARDS} (task i of N, from 0), got "${text}"`,
    );
  return { index, count };
}

/**
 * The shard a paper falls in: a hash of its id, so a paper stays in its shard whatever else the
 * corpus holds or in which order it is read.
 */
export function shardOf(paper: Paper, count: number): number {
  return createHash("sha1").update(paper.id).digest().readUInt32BE(0) % count;
}
