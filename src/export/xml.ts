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

/** Items per chunk of a streamed document: small enough to stay cheap, large enough to write fast. */
const PER_CHUNK = 2000;

/** `render` of each item, joined in chunks of PER_CHUNK, so a document is never one string. */
export function* chunked<T>(items: Iterable<T>, render: (item: T) => string): Generator<string> {
  let chunk: string[] = [];
  for (const item of items) {
    chunk.push(render(item));
    if (chunk.length === PER_CHUNK) {
      yield chunk.join("");
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk.join("");
}
