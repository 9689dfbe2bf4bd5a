import { join } from "node:path";
import Graph from "graphology";
import { writeBuildFiles } from "../../src/build-folder.js";
import { toJson } from "../../src/export/index.js";
import { extractPapers } from "../../src/extract/index.js";
import { buildGraph, type KnowledgeGraph, threadColor } from "../../src/graph/index.js";
import { writeFileAtomic } from "../../src/io/index.js";
import type { NodeType, ThreadReport } from "../../src/types.js";
import { paper } from "../extract/helpers.js";
import { tempDir } from "./cli.js";

/** A small corpus with point-cloud and domain-generalization papers, for graph, query and export tests. */
export const SMALL_CORPUS = [
  paper(
    "RotNet: Rotation-Invariant Point Cloud Classification",
    "We propose RotNet, a rotation-invariant network. We evaluate on ModelNet40 and ScanObjectNN with graph neural networks.",
  ),
  paper(
    "Point Cloud Classification with Graph Neural Networks",
    "Graph neural networks (GNNs) are evaluated on ModelNet40 for point cloud classification.",
  ),
  paper(
    "Invariant Risk Minimization Revisited",
    "We revisit invariant risk minimization (IRM) for domain generalization on PACS and DomainBed.",
  ),
  paper(
    "=Domain Generalization on PACS",
    "Invariant risk minimization (IRM) fails on PACS; we study domain generalization with data augmentation.",
  ),
];

export function smallGraph() {
  return buildGraph(extractPapers(SMALL_CORPUS), { layout: { iterations: 50 } });
}

/** A built graph directory (graph.json and threads.json) of the small corpus. */
export async function smallGraphDir(): Promise<string> {
  const dir = await tempDir();
  const { graph, threads } = smallGraph();
  await writeFileAtomic(join(dir, "graph.json"), toJson(graph));
  await writeFileAtomic(join(dir, "threads.json"), JSON.stringify(threads));
  return dir;
}

/**
 * A graph too large to draw whole at first (22,000 nodes): 6,000 papers in 3 threads, each naming
 * two methods of its own and one of 4,000 shared tasks (named by 0 to 100 papers), tasks chained by
 * co-occurrence.
 */
export function largeGraph(papers = 6000): { graph: KnowledgeGraph; threads: ThreadReport } {
  const graph = new Graph({ type: "undirected" }) as KnowledgeGraph;
  graph.replaceAttributes({ name: "large", modularity: 0.5, resolution: 1 });
  const node = (key: string, type: NodeType, paperCount?: number) => {
    // Three threads side by side, each a square of nodes.
    const [thread, i] = [graph.order % 3, Math.floor(graph.order / 3)];
    graph.addNode(key, {
      type,
      label: key,
      x: thread * 1200 + (i % 60) * 15,
      y: Math.floor(i / 60) * 15,
      size: type === "paper" ? 2 : 4,
      color: threadColor(thread),
      thread,
      ...(paperCount === undefined ? {} : { paperCount }),
    });
  };
  for (let t = 0; t < 4000; t++) node(`task ${t}`, "task", 0);
  for (let p = 0; p < papers; p++) {
    node(`paper ${p}`, "paper");
    node(`method ${p}`, "method", 1);
    graph.addEdge(`paper ${p}`, `method ${p}`, { type: "proposes", weight: 1 });
    node(`baseline ${p}`, "method", 1);
    graph.addEdge(`paper ${p}`, `baseline ${p}`, { type: "uses", weight: 1 });
    const task = `task ${(p * p) % 4000}`;
    graph.addEdge(`paper ${p}`, task, { type: "addresses", weight: 1 });
    graph.updateNodeAttribute(task, "paperCount", (n) => (n ?? 0) + 1);
  }
  for (let t = 1; t < 4000; t++)
    graph.addEdge(`task ${t - 1}`, `task ${t}`, { type: "cooccurs", weight: 1, count: 1 });
  const threads: ThreadReport = {
    modularity: 0.5,
    resolution: 1,
    threads: [0, 1, 2].map((id) => ({
      id,
      label: `thread ${id}`,
      color: threadColor(id),
      size: graph.filterNodes((_, a) => a.thread === id).length,
      paperCount: Math.round(papers / 3),
      labelPaperCount: 0,
      top: { method: [], dataset: [], task: [], invariance: [] },
      papers: [],
    })),
  };
  return { graph, threads };
}

/** The large graph written as a build writes it: graph.json, map.json and its rest, details. */
export async function largeGraphDir(papers = 6000): Promise<string> {
  const dir = await tempDir();
  const { graph, threads } = largeGraph(papers);
  await writeBuildFiles(dir, graph, threads);
  return dir;
}
