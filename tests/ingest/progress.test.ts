import { describe, expect, it } from "vitest";
import { bar, progress } from "../../src/cli/progress.js";

function io(isTTY: boolean) {
  let stderr = "";
  return {
    io: {
      stdout: () => {},
      stderr: (t: string) => {
        stderr += t;
      },
      cwd: ".",
      isTTY,
    },
    text: () => stderr,
  };
}

describe("progress", () => {
  it("draws a bar with counts, rate and time remaining on a terminal, and clears it at the end", () => {
    const { io: tty, text } = io(true);
    const p = progress(tty, "extract");
    p.update(5, 20);
    const line = text();
    expect(line.startsWith("\rextract [#####---------------] 5/20  ")).toBe(true);
    expect(line.endsWith("\u001b[K")).toBe(true);
    expect(line).toMatch(/ \d+\/s {2}eta \d+s/);
    p.done();
    expect(text().endsWith("\r\x1b[K")).toBe(true);
  });

  it("stays quiet when stderr is not a terminal, or with --quiet", () => {
    const { io: pipe, text } = io(false);
    progress(pipe, "extract").update(1, 2);
    const { io: tty, text: quietText } = io(true);
    progress(tty, "extract", true).update(1, 2);
    expect(text() + quietText()).toBe("");
    expect(bar(0.5, 4)).toBe("[##--]");
  });
});
