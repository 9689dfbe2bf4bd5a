import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  graphFromJson,
  type KnowledgeGraph,
  type SerializedKnowledgeGraph,
} from "../graph/index.js";
import type { ThreadReport } from "../types.js";
import { type CliIO, UserError } from "./io.js";

/** Reads a built graph's file, or says how to build one. */
async function readBuilt(io: CliIO, dir: string, file: string): Promise<string> {
  const path = join(resolve(io.cwd, dir), file);
  try {
    return await readFile(path, "utf8");
  } catch {
    throw new UserError(
      `${join(dir, file)}: no built graph here; run "papergraph build --out ${dir}" first`,
    );
  }
}

function parseJson<T>(text: string, where: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new UserError(`${where}: not a papergraph build file (${(error as Error).message})`);
  }
}

export async function loadGraph(io: CliIO, dir: string): Promise<KnowledgeGraph> {
  const data = parseJson<SerializedKnowledgeGraph>(
    await readBuilt(io, dir, "graph.json"),
    join(dir, "graph.json"),
  );
  return graphFromJson(data);
}

export async function loadThreads(io: CliIO, dir: string): Promise<ThreadReport> {
  return parseJson<ThreadReport>(
    await readBuilt(io, dir, "threads.json"),
    join(dir, "threads.json"),
  );
}
