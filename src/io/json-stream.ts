/**
 * Reads a JSON file of one object whose large members are arrays (graph.json: "nodes", "edges")
 * as a stream: each array item is parsed alone and handed on, the other members come whole. A
 * 150,000-paper graph.json is 860 MB, past the 512 MB one string can hold.
 */
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";

export interface JsonObjectReader {
  /** A member that is not an array, whole. */
  onMember(name: string, value: unknown): void;
  /** An item of the array member `name`, in order. */
  onItem(name: string, item: unknown): void;
}

/** Where the scanner is: in the object's members, or in the items of one of its arrays. */
interface ScanState {
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** Text carried over from earlier chunks: the member or item being read. */
  pending: string;
  /** The array member whose items are being read, if any. */
  array: string | undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const BRACE = 123;
const BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
/** A member's text: its name, then its value (a "[" alone where an array's items follow). */
const MEMBER = /^\s*("(?:[^"\\]|\\.)*")\s*:\s*([\s\S]*?)\s*$/;

/**
 * Reads `path` as one JSON object, handing each member and each array item on as it is complete.
 * Throws with the file's name where the text is not such an object.
 */
export async function readJsonObject(path: string, reader: JsonObjectReader): Promise<void> {
  const state: ScanState = {
    depth: 0,
    inString: false,
    escaped: false,
    pending: "",
    array: undefined,
  };
  const decoder = new StringDecoder("utf8");
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
    }
  };
  /** A member "name": value, or the opening of an array member "name": [ (its items follow). */
  const member = (text: string) => {
    if (text.trim() === "") return;
    const match = MEMBER.exec(text);
    if (!match) throw new Error(`${path}: not valid JSON (a member without a name)`);
    const name = parse(match[1] as string) as string;
    const value = match[2] as string;
    if (value === "[") state.array = name;
    else reader.onMember(name, parse(value));
  };
  const item = (text: string) => {
    if (text.trim() !== "") reader.onItem(state.array as string, parse(text));
  };
  const scan = (chunk: string) => {
    let start = 0;
    /** The text read since the last member or item ended, up to `end`; the next starts after `i`. */
    const take = (end: number, i: number) => {
      const text = state.pending + chunk.slice(start, end);
      state.pending = "";
      start = i + 1;
      return text;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (state.inString) {
        if (state.escaped) state.escaped = false;
        else if (c === BACKSLASH) state.escaped = true;
        else if (c === QUOTE) state.inString = false;
        continue;
      }
      if (c === QUOTE) {
        state.inString = true;
      } else if (c === BRACE || c === BRACKET) {
        state.depth++;
        if (state.depth === 1) start = i + 1;
        // An array member opens: its name and "[" end the text so far.
        else if (state.depth === 2 && c === BRACKET && state.array === undefined)
          member(take(i + 1, i));
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        state.depth--;
        if (state.depth === 1 && state.array !== undefined) {
          // The array ends: its last item runs up to the "]".
          item(take(i, i));
          state.array = undefined;
        } else if (state.depth === 0) member(take(i, i));
      } else if (c === COMMA && state.depth === 2 && state.array !== undefined) item(take(i, i));
      else if (c === COMMA && state.depth === 1) member(take(i, i));
    }
    if (state.depth > 0) state.pending += chunk.slice(start);
  };
  for await (const bytes of createReadStream(path, { highWaterMark: 1 << 20 }))
    scan(decoder.write(bytes as Buffer));
  scan(decoder.end());
  if (state.depth !== 0 || state.inString)
    throw new Error(`${path}: not valid JSON (the file ends inside its object)`);
}
