import { parseDate } from "../clean.js";
import type { RawEntry, ReadResult } from "../entry.js";
import type { RecordProblem } from "../problems.js";

/**
 * Hugging Face Papers page captures: text copied from the rendered listing. Three layouts occur
 * (compact: title line, abstract line; spaced: blank lines between; spaced with metadata:
 * "• N authors", "·", "May 6, 2025" after each abstract). All reduce to one rule once blank
 * lines and page chrome are dropped: a title line, optionally followed by its abstract line.
 */

const CHROME_LINES = new Set([
  "new",
  "subscribe",
  "daily papers",
  "by ak and the research community",
  "byak and the research community",
  "get trending papers in your email inbox!",
  "get trending papers in your email inbox once a day!",
]);

/** "  • 3 authors" */
const AUTHOR_COUNT = /^•\s*\d+\s+authors?$/;
/** The "·" separator between the author count and the date. */
const META_SEPARATOR = /^[·•]$/;
/** "Mar 11" (a listing date), "May 6, 2025", "Jul 19, 2025 1" (a date followed by the upvote count). */
const DATE_LINE = /^([A-Z][a-z]{2} \d{1,2})(?:, (\d{4}))?(?: \d+)?$/;

function isChrome(line: string): boolean {
  return CHROME_LINES.has(line.toLowerCase());
}

/**
 * An abstract is long, or several sentences ending in punctuation; a title is neither.
 * "Is Attention All You Need?" stays a title; "We study X. We show Y." is an abstract.
 */
export function looksLikeAbstract(line: string): boolean {
  if (line.length >= 250) return true;
  return /[.!?]["')\]]?$/.test(line) && /[a-z0-9)][.!?]\s+[A-Z]/.test(line);
}

/** The first title is glued to the chrome word: "SubscribeLearning Invariant ..." */
function unglueSubscribe(line: string): string {
  const glued = /^Subscribe(?=[A-Z0-9])(.+)$/.exec(line);
  return glued?.[1] ?? line;
}

/** True when a text has the chrome or the title-and-abstract rhythm of a capture. */
export function looksLikeCapture(text: string): boolean {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.some(isChrome)) return true;
  return lines.some(
    (line, i) => i > 0 && looksLikeAbstract(line) && !looksLikeAbstract(lines[i - 1] ?? ""),
  );
}

export function readCapture(text: string, file: string): ReadResult {
  const entries: RawEntry[] = [];
  const problems: RecordProblem[] = [];
  let current: RawEntry | undefined;
  let afterSeparator = false;
  const lines = text.split(/\r\n|\r|\n/);

  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    let line = rawLine.trim();
    if (line === "" || isChrome(line) || AUTHOR_COUNT.test(line)) return;
    if (META_SEPARATOR.test(line)) {
      afterSeparator = true;
      return;
    }
    const date = DATE_LINE.exec(line);
    if (date) {
      // A dated line after "·" is the paper's publication date; one elsewhere is the listing's date.
      if (afterSeparator && current && date[2])
        current.date ??= parseDate(`${date[1]}, ${date[2]}`);
      afterSeparator = false;
      return;
    }
    afterSeparator = false;
    if (entries.length === 0) line = unglueSubscribe(line);
    if (looksLikeAbstract(line)) {
      if (current && current.abstract === "") {
        current.abstract = line;
        return;
      }
      problems.push({ file, line: lineNumber, message: "abstract with no title before it" });
      return;
    }
    current = { title: line, abstract: "", source: { file, line: lineNumber } };
    entries.push(current);
  });
  return { entries, problems };
}
