import { createReadStream } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse";
import type { EntrySink } from "./entry.js";
import { firstInvalidUtf8, gzipProblem } from "./files.js";
import { isGzipped } from "./formats.js";
import { IngestError } from "./problems.js";
import { csvError, csvOptions, delimitedRows, type ParsedRow } from "./readers/csv.js";
import { readJsonLine } from "./readers/json.js";

/** A file's bytes, 1 MB at a time, gunzipped as they come when its name ends in ".gz". */
function fileBytes(path: string, file: string): AsyncIterable<Buffer> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!isGzipped(file)) return raw;
  // pipeline, not pipe: an error reading the file must end the gunzip stream, and so the loop.
  return pipeline(raw, createGunzip({ chunkSize: 1 << 20 }), () => {});
}

/**
 * A UTF-8 file as decoded text chunks, read 1 MB at a time so a large file never sits whole in
 * memory. A byte-order mark is dropped; NUL bytes and invalid UTF-8 stop it with the line, and so
 * does a gzip stream that is not valid.
 */
async function* decodedChunks(path: string, file: string): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let line = 1;
  const chunks = fileBytes(path, file)[Symbol.asyncIterator]();
  // A bad record can stop the reading part-way (it throws where its line is read): the file is
  // closed then, not left open until a collection.
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        if (!isGzipped(file)) throw error;
        throw new IngestError({ file, line, message: gzipProblem(error) });
      }
      if (next.done) break;
      const chunk = next.value;
      const nul = chunk.indexOf(0);
      if (nul >= 0)
        throw new IngestError({
          file,
          line: line + countNewlines(chunk.subarray(0, nul)),
          message: "binary content (NUL byte): not a text file",
        });
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const at = firstInvalidUtf8(chunk);
        throw new IngestError({
          file,
          line: line + countNewlines(chunk.subarray(0, at)),
          message: "not valid UTF-8 text",
        });
      }
      line += countNewlines(chunk);
      yield text;
    }
    yield decoder.decode();
  } finally {
    await chunks.return?.();
  }
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (const byte of bytes) if (byte === 10) n++;
  return n;
}

/**
 * JSON Lines read as a stream, each record handed to `sink` as its line is read: memory holds
 * neither the file nor its records.
 */
export async function streamJsonLines(path: string, file: string, sink: EntrySink): Promise<void> {
  let pending = "";
  let lineNumber = 0;
  let sawText = false;
  for await (const chunk of decodedChunks(path, file)) {
    pending += chunk;
    const lines = pending.split(/\r\n|\r(?!$)|\n/);
    pending = lines.pop() ?? "";
    for (const line of lines) {
      sawText ||= line.trim() !== "";
      readJsonLine(line, ++lineNumber, file, sink);
    }
  }
  sawText ||= pending.trim() !== "";
  readJsonLine(pending.replace(/\r$/, ""), ++lineNumber, file, sink);
  if (!sawText) throw new IngestError({ file, message: "empty file: no records" });
}

/** CSV or TSV read as a stream of rows, each record handed to `sink` as it is read. */
export async function streamDelimited(
  path: string,
  file: string,
  delimiter: "," | "\t",
  sink: EntrySink,
): Promise<void> {
  const reader = delimitedRows(file, sink);
  const parser = parse(csvOptions(delimiter));
  // pipeline, not pipe: a decoding error must reach the parser and end the loop below.
  pipeline(Readable.from(decodedChunks(path, file)), parser, () => {});
  try {
    for await (const row of parser as AsyncIterable<ParsedRow>) reader.add(row);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw csvError(error, file, delimiter);
  }
  reader.finish();
}
