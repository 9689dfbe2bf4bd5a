import { describe, expect, it } from "vitest";
import { paperFeatures, sentencePhrases } from "../../src/extract/model/features.js";
import { PHRASE_VALUES, phraseTable, phraseValues } from "../../src/extract/model/phrase-table.js";
import { shippedTagger } from "../../src/extract/model/tagger.js";
import { paperEvidence } from "../../src/extract/paper.js";
import { paper } from "./helpers.js";

/** Each word of the abstract's first sentence with its names-seen values, under a table. */
function valuesOf(abstract: string, table = shippedTagger().phrases) {
  const { fields, rules } = paperEvidence(paper("A title", abstract));
  const sentence = paperFeatures(fields, rules).find((s) => s.field.name === "abstract");
  if (!sentence) throw new Error("no abstract sentence");
  const values = sentencePhrases(sentence, table);
  return sentence.sentence.words.map((w, i) => [w.text, values[i]] as const);
}

describe("names seen in training", () => {
  const table = phraseTable([
    ["large language model", [40, 38, 0, 0]],
    ["deep learning", [30, 3, 0, 1]],
    ["mygan", [1, 1, 0, 0]],
  ]);

  it("tell the tagger how often annotators mark a name where it is written, word by word", () => {
    const words = valuesOf("We fine-tune large language models with deep learning.", table);
    expect(words.find(([w]) => w === "large")?.[1]).toEqual(["method:B:4:many"]);
    expect(words.find(([w]) => w === "models")?.[1]).toEqual(["method:I:4:many"]);
    expect(words.find(([w]) => w === "deep")?.[1]).toEqual(["method:B:0:many", "task:B:0:many"]);
    expect(words.find(([w]) => w === "fine-tune")?.[1]).toEqual([]);
  });

  it("say nothing of a name one paper alone wrote, nor run across a comma", () => {
    const words = valuesOf("We train MyGAN, a large, language model.", table);
    expect(words.flatMap(([, values]) => values ?? [])).toEqual([]);
  });

  it("come with the shipped tagger, learnt from the annotated abstracts", () => {
    const words = valuesOf("We evaluate on ImageNet with a vision transformer.");
    expect(words.find(([w]) => w === "ImageNet")?.[1]).toContainEqual(
      expect.stringMatching(/^dataset:U:4:many$/),
    );
    expect(words.find(([w]) => w === "transformer")?.[1]).toContainEqual(
      expect.stringMatching(/^method:I:\d:many$/),
    );
  });

  it("give only values training has an id for, whatever the counts", () => {
    const given = new Set<string>();
    for (let papers = 1; papers <= 30; papers++)
      for (let marked = 0; marked <= papers; marked++)
        for (const values of phraseValues(4, [
          { from: 0, to: 1, counts: [papers, marked, marked, marked] },
          { from: 1, to: 4, counts: [papers, marked, marked, marked] },
        ]))
          for (const value of values) given.add(value);
    expect([...given].filter((value) => !PHRASE_VALUES.includes(value))).toEqual([]);
  });
});
