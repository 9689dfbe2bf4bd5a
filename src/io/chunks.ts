/**
 * Documents written as a stream of small chunks. A chunk is written and dropped at once, so each
 * is kept well below 128 KiB, past which V8 allocates a string outside its young generation, in a
 * space only a full collection empties: written in 3 MB chunks, a 74,722-paper build's graph.json
 * left 430 MB of dead strings on the heap.
 */

/** Characters per chunk: a few system calls a megabyte, every chunk young garbage. */
const CHUNK_CHARACTERS = 16_384;

/** `render` of each item, joined in chunks of about CHUNK_CHARACTERS: a document is never one string. */
export function* chunked<T>(items: Iterable<T>, render: (item: T) => string): Generator<string> {
  let chunk: string[] = [];
  let characters = 0;
  for (const item of items) {
    const text = render(item);
    chunk.push(text);
    characters += text.length;
    if (characters >= CHUNK_CHARACTERS) {
      yield chunk.join("");
      chunk = [];
      characters = 0;
    }
  }
  if (chunk.length > 0) yield chunk.join("");
}

/** `render` of each item, comma-separated, in chunks. */
export function commaSeparated<T>(
  items: Iterable<T>,
  render: (item: T) => string,
): Generator<string> {
  let separator = "";
  return chunked(items, (item) => {
    const text = separator + render(item);
    separator = ",";
    return text;
  });
}

/** Array items serialized together: JSON.stringify of a slice, its brackets dropped. */
const ITEMS_PER_PIECE = 1000;

/** Whether JSON.stringify leaves an object's member out (and writes an array's item as null). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/**
 * JSON.stringify(value), byte for byte, in pieces: plain objects walked member by member, arrays
 * a thousand items at a time, so no piece holds a large member whole.
 */
function* jsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    yield "[";
    for (let from = 0; from < value.length; from += ITEMS_PER_PIECE)
      yield `${from > 0 ? "," : ""}${JSON.stringify(value.slice(from, from + ITEMS_PER_PIECE)).slice(1, -1)}`;
    yield "]";
  } else if (value !== null && typeof value === "object" && !("toJSON" in value)) {
    let separator = "{";
    for (const [key, member] of Object.entries(value)) {
      if (omitted(member)) continue;
      yield `${separator}${JSON.stringify(key)}:`;
      separator = ",";
      yield* jsonPieces(member);
    }
    yield separator === "{" ? "{}" : "}";
  } else yield JSON.stringify(value);
}

/** JSON.stringify(value) as chunks of about CHUNK_CHARACTERS, for writeChunks. */
export function jsonChunksOf(value: unknown): Generator<string> {
  return chunked(jsonPieces(value), (piece) => piece);
}
