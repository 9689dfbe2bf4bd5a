import { write } from "graphology-gexf";
import type { KnowledgeGraph } from "../graph/index.js";

/** "#4e79a7" as "rgb(78,121,167)", written as r, g, b attributes: networkx reads only those, Gephi both. */
function rgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255},${(value >> 8) & 255},${value & 255})`;
}

/**
 * GEXF 1.3 for Gephi: node type, thread and entity attributes declared, colour, size and position
 * as viz elements, so Gephi opens a laid-out, coloured map without running a layout itself.
 * (graphology-gexf's default, 1.2, declares a malformed viz namespace.)
 */
export function toGexf(graph: KnowledgeGraph): string {
  // GEXF's <meta> admits only creator, keywords and description: the graph's own attributes go
  // there as prose. They are swapped in for the write and restored, rather than the graph copied.
  const attributes = graph.getAttributes();
  const { name, modularity, resolution } = attributes;
  graph.replaceAttributes({
    creator: "papergraph",
    description: `${name}: research threads by Louvain (resolution ${resolution}, modularity ${modularity})`,
  } as never);
  try {
    return writeGexf(graph);
  } finally {
    graph.replaceAttributes(attributes);
  }
}

function writeGexf(graph: KnowledgeGraph): string {
  return write(graph, {
    version: "1.3",
    pretty: true,
    formatNode: (_, a) => {
      const attributes: Record<string, string | number> = { type: a.type, thread: a.thread };
      if (a.paperCount !== undefined) attributes.paperCount = a.paperCount;
      if (a.aliases && a.aliases.length > 0) attributes.aliases = a.aliases.join("; ");
      if (a.date) attributes.date = a.date;
      if (a.url) attributes.url = a.url;
      return {
        label: a.label,
        attributes,
        viz: { color: rgb(a.color), size: a.size, x: a.x, y: a.y },
      };
    },
    formatEdge: (_, a) => {
      const attributes: Record<string, string | number> = { type: a.type };
      if (a.relation) attributes.relation = a.relation;
      if (a.count !== undefined) attributes.count = a.count;
      return { weight: a.weight, attributes };
    },
  });
}
