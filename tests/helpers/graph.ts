import { join } from "node:path";
import { toJson } from "../../src/export/index.js";
import { extractPapers } from "../../src/extract/index.js";
import { buildGraph } from "../../src/graph/index.js";
import { writeFileAtomic } from "../../src/io/index.js";
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
