import { createHash } from "node:crypto";
import { withoutMarkup } from "./latex.js";

// Invisible controls that only garble display or hide text: C0/C1 controls (tabs and line ends
// become spaces below instead), bidirectional overrides and isolates, zero-width characters.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

// Page captures repeat a link's target in braces: "https://github.com/x/y{https://github.com/x/y}".
const LINK_DEBRIS = /(https?:\/\/[^\s{}]+)\{https?:\/\/[^\s{}]*\}/g;

/**
 * Whitespace collapsed, LaTeX and Markdown read as the text they render (withoutMarkup), link
 * debris and invisible controls removed; all other Unicode kept.
 */
export function cleanText(text: string): string {
  return withoutMarkup(text)
    .replace(INVISIBLE, "")
    .replace(LINK_DEBRIS, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Key under which two spellings of one title are the same paper: case, accents, punctuation and spacing ignored. */
export function titleKey(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Id of a paper with no arXiv id: the first 10 hex digits of sha1 of the lower-cased,
 * space-collapsed title, the same convention as the gold annotations, so ids line up.
 */
export function titleId(title: string): string {
  const normalized = title.toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha1").update(normalized).digest("hex").slice(0, 10);
}

const NEW_ARXIV_ID = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/;
const OLD_ARXIV_ID = /(?:^|[^\w-])([a-z][a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?!\d)/;

/**
 * The arXiv id (without version) in an id, URL or eprint field, if it holds one:
 * "http://arxiv.org/abs/2301.01234v2" and "arXiv:2301.01234" both give "2301.01234".
 */
export function parseArxivId(value: string): string | undefined {
  const text = value.trim();
  const looksArxiv =
    /arxiv/i.test(text) ||
    /^\d{4}\.\d{4,5}(v\d+)?$/.test(text) ||
    /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/.test(text);
  if (!looksArxiv) return undefined;
  return NEW_ARXIV_ID.exec(text)?.[1] ?? OLD_ARXIV_ID.exec(text)?.[1];
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthNumber(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) from the forms sources use:
 * "2025-05-06T17:59:59Z", "May 6, 2025", "6 May 2025", "2021". Undefined when it reads as no date.
 */
export function parseDate(value: string): string | undefined {
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?$/.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    return [y, m && pad(Number(m)), d && pad(Number(d))].filter(Boolean).join("-");
  }
  const monthDayYear = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (monthDayYear) {
    const month = monthNumber(monthDayYear[1] ?? "");
    if (month) return `${monthDayYear[3]}-${pad(month)}-${pad(Number(monthDayYear[2]))}`;
  }
  const dayMonthYear = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/.exec(text);
  if (dayMonthYear) {
    const month = monthNumber(dayMonthYear[2] ?? "");
    if (month) return `${dayMonthYear[3]}-${pad(month)}-${pad(Number(dayMonthYear[1]))}`;
  }
  const monthYear = /^([A-Za-z]{3,9})\.? (\d{4})$/.exec(text);
  if (monthYear) {
    const month = monthNumber(monthYear[1] ?? "");
    if (month) return `${monthYear[2]}-${pad(month)}`;
  }
  return undefined;
}
