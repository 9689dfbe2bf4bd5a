import { beforeAll, describe, expect, it } from "vitest";
import { extractPapers } from "../../src/extract/index.js";
import { buildGraph, type KnowledgeGraph } from "../../src/graph/index.js";
import { regionJob } from "../../src/graph/region-job.js";
import { layoutOnWorkers } from "../../src/graph/region-workers.js";
import { threadMembers } from "../../src/graph/threads.js";
import { ingestPaths } from "../../src/ingest/index.js";
import type { Extraction } from "../../src/types.js";
import { CORPUS } from "../helpers/cli.js";

const positions = (graph: KnowledgeGraph) =>
  graph.mapNodes((node, { x, y }) => `${node} ${x} ${y}`);

describe("threads laid out on worker threads", () => {
  let extraction: Extraction;

  beforeAll(async () => {
    const { papers } = await ingestPaths([CORPUS]);
    extraction = extractPapers(papers);
  }, 120_000);

  it("place every node where this thread alone places it", () => {
    const alone = buildGraph(extraction, { layout: { workers: 1 } });
    const shared = buildGraph(extraction, { layout: { workers: 2 } });
    expect(positions(shared.graph)).toEqual(positions(alone.graph));
    expect(new Set(positions(alone.graph).map((p) => p.split(" ")[1])).size).toBeGreaterThan(500);
  });

  it("a worker answers every thread dealt to it", () => {
    const { graph } = buildGraph(extraction, { layout: { workers: 1 } });
    const jobs = [...threadMembers(graph)].map(([thread, nodes]) =>
      regionJob(graph, nodes, thread, 100),
    );
    const { positions: laidOut, laidOutHere } = layoutOnWorkers(jobs, 2);
    expect(laidOutHere).toBe(0);
    expect(laidOut).toHaveLength(jobs.length);
    expect(laidOut[0]).toHaveLength(2 * (jobs[0]?.count ?? 0));
  });
});
