import { parse } from "csv-parse/sync";
import { type EntrySink, gathering, type ReadResult } from "../entry.js";
import { entryFromRecord, findField } from "../fields.js";
import { IngestError } from "../problems.js";

export interface ParsedRow {
  record: string[];
  info: { lines: number };
}

/**
 * Turns parsed rows into entries, the first row being the header: whole files and streams both
 * feed it. The title and abstract columns are found by name, case-insensitively and under common
 * aliases ("Title", "paper_title", "Summary"); other columns are ignored.
 */
export function delimitedRows(
  file: string,
  sink: EntrySink,
): { add(row: ParsedRow): void; finish(): void } {
  let columns: string[] | undefined;
  let endOfPrevious = 0;
  return {
    add({ record, info }) {
      const line = endOfPrevious + 1;
      endOfPrevious = info.lines;
      if (record.every((cell) => cell.trim() === "")) return;
      if (!columns) {
        columns = record.map((c) => c.trim());
        if (findField(columns, "title") === undefined) {
          const names = columns.join(", ") || "none";
          throw new IngestError({
            file,
            line: 1,
            message: `no title column in the header (columns: ${names}); expected one named "title"`,
          });
        }
        return;
      }
      if (record.length !== columns.length) {
        sink.problem({
          file,
          line,
          message: `row has ${record.length} fields, the header has ${columns.length}`,
        });
        return;
      }
      const header = columns;
      const entry = entryFromRecord(
        Object.fromEntries(header.map((column, i) => [column, record[i]])),
        { file, line },
      );
      if (typeof entry === "string") sink.problem({ file, line, message: entry });
      else sink.entry(entry);
    },
    finish() {
      if (!columns) throw new IngestError({ file, message: "empty file: no records" });
    },
  };
}

/** The options csv-parse reads our files with: line numbers for errors, ragged rows reported by us. */
export function csvOptions(delimiter: "," | "\t") {
  return { delimiter, bom: true, relax_column_count: true, info: true } as const;
}

/** A csv-parse error as the user sees it: the file, the line, and what is wrong. */
export function csvError(error: unknown, file: string, delimiter: "," | "\t"): IngestError {
  const { message, lines } = error as Error & { lines?: number };
  return new IngestError({
    file,
    line: lines,
    message: `malformed ${delimiter === "\t" ? "TSV" : "CSV"}: ${message}`,
  });
}

export function readDelimited(text: string, file: string, delimiter: "," | "\t"): ReadResult {
  let rows: ParsedRow[];
  try {
    rows = parse(text, csvOptions(delimiter)) as unknown as ParsedRow[];
  } catch (error) {
    throw csvError(error, file, delimiter);
  }
  const result: ReadResult = { entries: [], problems: [] };
  const reader = delimitedRows(file, gathering(result));
  for (const row of rows) reader.add(row);
  reader.finish();
  return result;
}

export const readCsv = (text: string, file: string): ReadResult => readDelimited(text, file, ",");
export const readTsv = (text: string, file: string): ReadResult => readDelimited(text, file, "\t");
