/** What xmlText has to change: markup, and characters XML 1.0 forbids. */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NEEDS_ESCAPE = new RegExp(`${FORBIDDEN.source}|[&<>"']`, "u");
const MARKUP = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text safe inside an XML attribute or element: markup escaped, characters XML forbids removed. */
export function xmlText(value: string): string {
  // Most labels and ids hold nothing to escape; testing once is cheaper than replacing.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(FORBIDDEN, "").replace(MARKUP, (c) => ENTITIES[c] as string);
}
