import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type {
  EdgeType,
  GraphAttributes,
  GraphEdgeAttributes,
  GraphNodeAttributes,
} from "../types.js";
import { edgeKey, type KnowledgeGraph } from "./build.js";

export type SerializedKnowledgeGraph = SerializedGraph<
  GraphNodeAttributes,
  GraphEdgeAttributes,
  GraphAttributes
>;

/** A graph read back from graph.json, with its edge keys made again. Light: the viewer uses it too. */
export function graphFromJson(data: SerializedKnowledgeGraph): KnowledgeGraph {
  for (const edge of data.edges) {
    edge.key ??= edgeKey(edge.source, edge.target, edge.attributes?.type as EdgeType);
  }
  // Graph.from keeps the options the graph was built with, so a re-export is byte-identical.
  return Graph.from(data);
}
