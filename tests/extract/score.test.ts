import { describe, expect, it } from "vitest";
import { namesMatch } from "../../src/eval/index.js";
import { scorePaper } from "../../src/eval/score.js";
import { maximumMatching } from "../../src/guidelines-match.js";

const none = { method: [], dataset: [], task: [], invariance: [] };

describe("the scorer's matching rules", () => {
  it("equal after lower-casing, removing punctuation and hyphens, and singularizing", () => {
    expect(namesMatch("Graph Neural Networks", "graph neural network")).toBe(true);
    expect(namesMatch("self-supervised learning", "self supervised learning")).toBe(true);
    expect(namesMatch("selfsupervised learning", "self-supervised learning")).toBe(true);
    expect(namesMatch("CIFAR-10", "CIFAR10")).toBe(true);
    expect(namesMatch("ModelNet40", "ModelNet10")).toBe(false);
  });

  it("one containing the other as whole words, with the same head noun", () => {
    expect(namesMatch("person search", "weakly supervised person search")).toBe(true);
    expect(namesMatch("few-shot learning", "multi-label few-shot learning")).toBe(true);
    // Contained, but the heads differ.
    expect(namesMatch("domain generalization", "domain generalization benchmark")).toBe(false);
    // Same head, but not contained as whole words.
    expect(namesMatch("son search", "person search")).toBe(false);
  });

  it("matches each gold item at most once, as many as possible", () => {
    // Found 0 matches gold 0 and 1; found 1 matches only gold 0: the best pairing uses both.
    const owner = maximumMatching(2, 2, (f, g) => (f === 0 ? true : g === 0));
    expect(owner).toEqual([1, 0]);
    const twiceFound = scorePaper(
      { ...none, task: [{ names: ["person search"] }, { names: ["Person Search"] }] },
      { ...none, task: [{ names: ["weakly supervised person search"] }] },
    );
    expect(twiceFound.counts.task).toEqual({ matched: 1, found: 2, gold: 1 });
    expect(twiceFound.errors.task.wrong).toHaveLength(1);
  });

  it("matches invariances on kind alone", () => {
    const score = scorePaper(
      {
        ...none,
        invariance: [
          { names: ["rotation"], kind: "rotation" },
          { names: ["scale"], kind: "scale" },
        ],
      },
      {
        ...none,
        invariance: [
          { names: ["rotation", "SO(3)-invariant"], kind: "rotation" },
          { names: ["other", "phase"], kind: "other" },
        ],
      },
    );
    expect(score.counts.invariance).toEqual({ matched: 1, found: 2, gold: 2 });
    expect(score.errors.invariance.missed.map((i) => i.kind)).toEqual(["other"]);
  });
});
