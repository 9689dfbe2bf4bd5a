// A module of its own, free of Node: the viewer's panel lists the same narrower entities.
import type { KnowledgeGraph } from "./build.js";

/**
 * The entities that narrow one (their `broader` is it: linkNarrower), most named first, then by
 * id: "6D object pose estimation" and "3D human pose estimation" of "pose estimation".
 */
export function narrowerOf(graph: KnowledgeGraph, node: string): string[] {
  const papers = (id: string) => graph.getNodeAttribute(id, "paperCount") ?? 0;
  return graph
    .filterNodes((_, a) => a.broader === node)
    .sort((x, y) => papers(y) - papers(x) || (x < y ? -1 : 1));
}
