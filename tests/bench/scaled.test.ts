import { describe, expect, it } from "vitest";
import { copySuffix, heapsFit, scaledCorpus } from "../../scripts/scaled.js";

/** A source of 400 papers: one common sentence each, and a rare word in one of them. */
function source(): string[] {
  return Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({
      id: `2501.${String(i).padStart(5, "0")}`,
      title: `Image Classification with ResNet-50 ${i}`,
      abstract: `We study image classification. Our method beats NeRF and Gaussian Splatting on ImageNet. It uses ${i === 7 ? "hyperspectral " : ""}priors.`,
      url: `https://arxiv.org/abs/2501.${String(i).padStart(5, "0")}`,
      date: "2025-01-02",
    }),
  );
}

describe("the real-like corpus of npm run bench -- --scale", () => {
  const lines = source();
  const line = scaledCorpus(lines, 1);

  it("is the real file first, then copies that are other papers naming new things", () => {
    expect(line(3)).toBe(lines[3]);
    const copy = JSON.parse(line(400 + 7));
    expect(copy.id).toBe("scaled-1-7");
    expect(copy.url).toBeUndefined();
    expect(copy.date).toBe("2025-01-02");
    expect(copy.title).toBe("Image Classification with ResNet-50ba 7");
    // Names and the source's rare words take the copy's suffix; the field's common words and a
    // sentence's first word stay.
    expect(copy.abstract).toBe(
      "We study image classification. Our method beats NeRFba and Gaussianba Splattingba on ImageNetba. It uses hyperspectralba priors.",
    );
  });

  it("gives a title with no name in it the copy's suffix on its last word: another paper, naming nothing new", () => {
    // Four papers use each of its words: none is rare.
    const plain = Array.from({ length: 4 }, () =>
      JSON.stringify({ title: "Learning to see?", abstract: "We see." }),
    );
    const title = (i: number) => JSON.parse(scaledCorpus(plain, 1)(i)).title;
    expect(title(4)).toBe("Learning to seeba?");
    expect(title(8)).toBe("Learning to seebe?");
  });

  it("varies a name the same way all through a copy, and another way in the next", () => {
    const named = (i: number) => JSON.parse(line(i)).abstract.match(/NeRF\w*/)?.[0];
    expect(named(401)).toBe(named(799));
    expect(named(801)).toBe(`NeRF${copySuffix(2)}`);
    expect(new Set([1, 2, 3, 70, 71, 5000].map(copySuffix)).size).toBe(6);
  });

  it("with a share under 1, varies only that share of the names", () => {
    const half = scaledCorpus(lines, 0.5);
    const varied = Array.from({ length: 40 }, (_, k) => JSON.parse(half((k + 1) * 400 + 1)))
      .map((r) => /NeRF[a-z]/.test(r.abstract))
      .filter(Boolean).length;
    expect(varied).toBeGreaterThan(8);
    expect(varied).toBeLessThan(32);
  });
});

describe("Heaps' law fitted to distinct entities", () => {
  it("finds the K and β of points on a power law, and extrapolates with them", () => {
    const points = [10_000, 25_000, 50_000, 75_000].map((papers) => ({
      papers,
      entities: 12 * papers ** 0.9,
    }));
    const fit = heapsFit(points);
    expect(fit.beta).toBeCloseTo(0.9, 6);
    expect(fit.k).toBeCloseTo(12, 4);
    expect(fit.at(1_000_000)).toBeCloseTo(12 * 1_000_000 ** 0.9, 0);
  });
});
