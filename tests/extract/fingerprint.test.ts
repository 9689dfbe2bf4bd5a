import { afterEach, describe, expect, it, vi } from "vitest";

const MANNER_FILE = "../../src/extract/lexicons/manner.json";
const MODIFIERS_FILE = "../../src/extract/lexicons/modifiers.json";

/** The extractor's fingerprint and words of manner, loaded afresh with any mocks in force. */
async function loaded() {
  vi.resetModules();
  const { EXTRACTOR_FINGERPRINT } = await import("../../src/extract/cache.js");
  const { MANNER } = await import("../../src/extract/lexicon.js");
  return { fingerprint: EXTRACTOR_FINGERPRINT, manner: MANNER };
}

describe("the extractor's fingerprint", () => {
  afterEach(() => {
    vi.doUnmock(MANNER_FILE);
    vi.doUnmock(MODIFIERS_FILE);
  });

  it("stays when only the corpus pass's words of manner change: no analysis is renewed", async () => {
    const before = await loaded();
    expect(before.manner.has("benchmarking")).toBe(true);
    vi.doMock(MANNER_FILE, () => ({
      default: { description: "", manner: [], mannerAcrossPapers: [], kinds: [] },
    }));
    const after = await loaded();
    expect(after.manner.has("benchmarking")).toBe(false);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it("changes with the words a paper's analysis reads", async () => {
    const before = await loaded();
    const { default: modifiers } = await import(MODIFIERS_FILE);
    vi.doMock(MODIFIERS_FILE, () => ({
      default: { ...modifiers, fluff: [...modifiers.fluff, "notable"] },
    }));
    expect((await loaded()).fingerprint).not.toBe(before.fingerprint);
  });
});
