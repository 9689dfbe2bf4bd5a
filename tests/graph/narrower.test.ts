import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { type KnowledgeGraph, narrowerOf } from "../../src/graph/index.js";
import { linkNarrower } from "../../src/graph/narrower.js";
import type { EntityType } from "../../src/types.js";

/** A graph of entity nodes alone: [id, type, label, papers, aliases]. */
function entities(rows: [string, EntityType, string, number, string[]?][]): KnowledgeGraph {
  const graph: KnowledgeGraph = new Graph({ type: "undirected", multi: false });
  for (const [id, type, label, paperCount, aliases] of rows)
    graph.addNode(id, {
      type,
      label,
      paperCount,
      aliases,
      thread: -1,
      color: "",
      size: 1,
      x: 0,
      y: 0,
    });
  return graph;
}

describe("broader and narrower entities", () => {
  const graph = entities([
    ["task:pose-estimation", "task", "pose estimation", 10],
    ["task:object-pose-estimation", "task", "object pose estimation", 2],
    ["task:6d-object-pose-estimation", "task", "6D object pose estimation", 1],
    ["task:3d-human-pose-estimation", "task", "3D Human Pose Estimation", 3],
    ["method:3d-pose-estimation", "method", "3D pose estimation", 2],
    ["method:large-language-model", "method", "large language model", 40, ["LLM", "LLMs"]],
    ["method:multimodal-large-language-model", "method", "Multimodal Large Language Models", 9],
    ["method:openai-llm", "method", "OpenAI LLMs", 1],
    ["task:detection", "task", "detection", 30],
    ["task:lesion-detection", "task", "lesion detection", 4],
    ["task:generation", "task", "Generation", 12],
    ["task:reasoning", "task", "reasoning", 50, ["rea- soning", "REASONING"]],
    ["task:abstract-reasoning", "task", "abstract reasoning", 3],
    ["task:video-generation", "task", "Video Generation", 6],
    ["task:remote-sensing", "task", "remote sensing", 8],
    ["task:segmentation-of-remote-sensing", "task", "segmentation of remote sensing", 1],
    ["task:point-cloud-completion", "task", "point cloud completion", 1],
    ["task:liver-point-cloud-completion", "task", "liver point cloud completion", 1],
  ]);
  linkNarrower(graph);
  const broader = (id: string) => graph.getNodeAttribute(id, "broader");

  it("a narrower name points to the closest broader entity of its type", () => {
    expect(broader("task:6d-object-pose-estimation")).toBe("task:object-pose-estimation");
    expect(broader("task:object-pose-estimation")).toBe("task:pose-estimation");
    expect(broader("task:3d-human-pose-estimation")).toBe("task:pose-estimation");
    expect(broader("method:multimodal-large-language-model")).toBe("method:large-language-model");
    // Through a short form the broader entity goes by.
    expect(broader("method:openai-llm")).toBe("method:large-language-model");
    // A method is no narrower task, however it is written.
    expect(broader("method:3d-pose-estimation")).toBeUndefined();
  });

  it("relates no name to a bare head noun, a clause's last words or a one-paper entity", () => {
    expect(broader("task:lesion-detection")).toBeUndefined();
    expect(broader("task:video-generation")).toBeUndefined();
    // Nor through a name a head noun is written with across a line break or in capitals.
    expect(broader("task:abstract-reasoning")).toBeUndefined();
    expect(broader("task:segmentation-of-remote-sensing")).toBeUndefined();
    expect(broader("task:liver-point-cloud-completion")).toBeUndefined();
    expect(broader("task:pose-estimation")).toBeUndefined();
  });

  it("lists an entity's narrower ones, most named first", () => {
    expect(narrowerOf(graph, "task:pose-estimation")).toEqual([
      "task:3d-human-pose-estimation",
      "task:object-pose-estimation",
    ]);
    expect(narrowerOf(graph, "task:detection")).toEqual([]);
  });
});
