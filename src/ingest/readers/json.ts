import type { SourceRef } from "../../types.js";
import { type EntrySink, gathering, type ReadResult } from "../entry.js";
import { entryFromRecord } from "../fields.js";
import { IngestError, lineAt, type RecordProblem } from "../problems.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

/** Adds one parsed value as an entry, or as a problem saying why it is not a paper record. */
export function collect(value: unknown, source: SourceRef, sink: EntrySink): void {
  const problem = (message: string): RecordProblem => ({ ...source, message });
  if (!isRecord(value)) {
    sink.problem(problem(`expected a JSON object, found ${describe(value)}`));
    return;
  }
  const entry = entryFromRecord(value, source);
  if (typeof entry === "string") sink.problem(problem(entry));
  else sink.entry(entry);
}

/** One line of JSON Lines into `sink`; a malformed line is a problem of its own. */
export function readJsonLine(
  line: string,
  lineNumber: number,
  file: string,
  sink: EntrySink,
): void {
  if (line.trim() === "") return;
  const source = { file, line: lineNumber };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    sink.problem({ ...source, message: `malformed JSON: ${(error as Error).message}` });
    return;
  }
  collect(value, source, sink);
}

/** JSON Lines: one object a line; a malformed line is a problem of its own, the others still count. */
export function readJsonLines(text: string, file: string): ReadResult {
  const result: ReadResult = { entries: [], problems: [] };
  const sink = gathering(result);
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    readJsonLine(line, index + 1, file, sink);
  });
  return result;
}

/** The line of a JSON.parse error, from the "at position N" its message gives. */
function jsonErrorLine(text: string, error: Error): number | undefined {
  const position = /position (\d+)/.exec(error.message);
  return position ? lineAt(text, Number(position[1])) : undefined;
}

/** A JSON array of paper objects (or one object); malformed JSON rejects the whole file. */
export function readJsonDocument(text: string, file: string): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = `malformed JSON: ${(error as Error).message}`;
    throw new IngestError({ file, line: jsonErrorLine(text, error as Error), message });
  }
  const result: ReadResult = { entries: [], problems: [] };
  const sink = gathering(result);
  const records = Array.isArray(value) ? value : [value];
  records.forEach((record, index) => {
    collect(record, { file, record: index + 1 }, sink);
  });
  return result;
}

/**
 * A .json file holds an array, one object, or (often, despite its name) JSON Lines.
 * Several lines that each open an object and a document that does not parse whole mean JSON Lines.
 */
export function readJson(text: string, file: string): ReadResult {
  const body = text.trimStart();
  if (body.startsWith("{")) {
    try {
      JSON.parse(body);
    } catch {
      const objectLines = body.split(/\r\n|\r|\n/).filter((l) => l.trimStart().startsWith("{"));
      if (objectLines.length > 1) return readJsonLines(text, file);
    }
  }
  return readJsonDocument(text, file);
}
