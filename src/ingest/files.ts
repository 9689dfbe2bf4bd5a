import { open, readdir, readFile, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { glob, isDynamicPattern } from "tinyglobby";
import { formatByName, isGzipped } from "./formats.js";
import { fileTooLarge, type IngestLimits, WHOLE_FILE_MAX_BYTES } from "./limits.js";
import { IngestError } from "./problems.js";

/** The corrections file a build looks for beside its corpus; never read as papers. */
export const CORRECTIONS_FILE = "papergraph-corrections.jsonl";

/** An input file: where it is, and its path as the user wrote it (or as under the folder they named). */
export interface InputFile {
  absolute: string;
  shown: string;
}

/** A path joined under one the user wrote, in forward slashes, as they would write it. */
function under(shown: string, name: string): string {
  const joined = join(shown, name);
  return sep === "/" ? joined : joined.split(sep).join("/");
}

/**
 * Whether a folder is a papergraph build: its graph.json beside threads.json or the build's store.
 * Its files are outputs (details/ holds abstracts that look like records), never papers to read.
 */
export function isBuildFolder(names: ReadonlySet<string>): boolean {
  return names.has("graph.json") && (names.has("threads.json") || names.has("cache.sqlite"));
}

async function walk(
  directory: string,
  shown: string,
  onNote: ((note: string) => void) | undefined,
): Promise<InputFile[]> {
  const items = await readdir(directory, { withFileTypes: true });
  if (isBuildFolder(new Set(items.map((item) => item.name)))) {
    onNote?.(`skipped ${shown}/: a papergraph build folder (its outputs are not papers)`);
    return [];
  }
  const files: InputFile[] = [];
  for (const item of items.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (item.name.startsWith(".") || item.name === CORRECTIONS_FILE) continue;
    const path = { absolute: join(directory, item.name), shown: under(shown, item.name) };
    if (item.isDirectory()) files.push(...(await walk(path.absolute, path.shown, onNote)));
    else if (item.isFile() && formatByName(item.name) !== undefined) files.push(path);
  }
  return files;
}

/**
 * The input files the user named: files as given, directories walked recursively (known extensions
 * only, in name order, build folders skipped with a note), glob patterns expanded. Each keeps the
 * path as the user wrote it, for messages. A path that names nothing is an error, never skipped.
 */
export async function expandInputs(
  paths: readonly string[],
  cwd: string,
  onNote?: (note: string) => void,
): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory())
      files.push(...(await walk(absolute, path.replace(/\/+$/, "") || "/", onNote)));
    else if (info?.isFile()) files.push({ absolute, shown: path });
    else if (!info && isDynamicPattern(path)) {
      const matches = await glob(path, { cwd, absolute: true, onlyFiles: true });
      if (matches.length === 0)
        throw new IngestError({ file: path, message: "the pattern matches no file" });
      const shown = (match: string) => (isAbsolute(path) ? match : relative(cwd, match));
      files.push(...matches.sort().map((match) => ({ absolute: match, shown: shown(match) })));
    } else {
      const what = info ? "not a regular file or directory" : "no such file or directory";
      throw new IngestError({ file: path, message: what });
    }
  }
  const seen = new Set<string>();
  return files.filter(({ absolute }) => !seen.has(absolute) && seen.add(absolute));
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of a file: UTF-8 (a byte-order mark dropped) or UTF-16 with its byte-order mark.
 * Binary content and invalid UTF-8 are errors naming the file and the line where decoding failed.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0)
    throw new IngestError({
      file,
      line: lineOfByte(body, nul),
      message: "binary content (NUL byte): not a text file",
    });
  try {
    return UTF8.decode(body);
  } catch {
    throw new IngestError({
      file,
      line: lineOfByte(body, firstInvalidUtf8(body)),
      message: "not valid UTF-8 text",
    });
  }
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte where UTF-8 decoding fails, found by decoding growing prefixes line by line. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    end = end < 0 ? bytes.length : end + 1;
    try {
      UTF8.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return 0;
}

/** The size of a file, refused (before anything is read) when it is over a limit. */
export async function checkFileSize(
  absolute: string,
  file: string,
  limits: IngestLimits,
  readWhole: boolean,
): Promise<void> {
  const size = (await stat(absolute).catch(() => undefined))?.size ?? 0;
  const refusal = fileTooLarge(size, limits, readWhole);
  if (refusal) throw new IngestError({ file, message: refusal });
}

/** What a failed gunzip says to the user. */
export function gzipProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ERR_BUFFER_TOO_LARGE")
    return "decompressed, too large to read whole; give it as JSON Lines or CSV, which are streamed";
  if (code === "Z_BUF_ERROR") return "gzip data ends early: the file is truncated";
  return `not valid gzip data (${code ?? (error as Error).message})`;
}

/** The whole text of a file, gunzipped when its name ends in ".gz". */
export async function readTextFile(absolute: string, file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new IngestError({
      file,
      message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    });
  }
  if (isGzipped(file)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: WHOLE_FILE_MAX_BYTES });
    } catch (error) {
      throw new IngestError({ file, message: gzipProblem(error) });
    }
  }
  return decodeText(bytes, file);
}

/** True when a file begins with a UTF-16 byte-order mark (such files are decoded whole). */
export async function startsWithUtf16Mark(path: string): Promise<boolean> {
  const handle = await open(path, "r").catch(() => undefined);
  if (!handle) return false;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return (
      bytesRead === 2 &&
      ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))
    );
  } finally {
    await handle.close();
  }
}
