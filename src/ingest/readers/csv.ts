import { parse } from "csv-parse/sync";
import type { ReadResult } from "../entry.js";
import { entryFromRecord, findField } from "../fields.js";
import { IngestError } from "../problems.js";

interface ParsedRow {
  record: string[];
  info: { lines: number };
}

function parseRows(text: string, file: string, delimiter: string): ParsedRow[] {
  try {
    return parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      info: true,
    }) as unknown as ParsedRow[];
  } catch (error) {
    const { message, lines } = error as Error & { lines?: number };
    throw new IngestError({
      file,
      line: lines,
      message: `malformed ${delimiter === "\t" ? "TSV" : "CSV"}: ${message}`,
    });
  }
}

/**
 * CSV or TSV with a header row. The title and abstract columns are found by name, case-insensitively
 * and under common aliases ("Title", "paper_title", "Summary"); other columns are ignored.
 */
export function readDelimited(text: string, file: string, delimiter: "," | "\t"): ReadResult {
  const rows = parseRows(text, file, delimiter);
  const result: ReadResult = { entries: [], problems: [] };
  const header = rows[0];
  if (!header) throw new IngestError({ file, message: "empty file: expected a header row" });
  const columns = header.record.map((c) => c.trim());
  if (findField(columns, "title") === undefined) {
    throw new IngestError({
      file,
      line: 1,
      message: `no title column in the header (columns: ${columns.join(", ") || "none"}); expected one named "title"`,
    });
  }
  let endOfPrevious = header.info.lines;
  for (const { record, info } of rows.slice(1)) {
    const line = endOfPrevious + 1;
    endOfPrevious = info.lines;
    if (record.every((cell) => cell.trim() === "")) continue;
    if (record.length !== columns.length) {
      const message = `row has ${record.length} fields, the header has ${columns.length}`;
      result.problems.push({ file, line, message });
      continue;
    }
    const fields = Object.fromEntries(columns.map((column, i) => [column, record[i]]));
    const entry = entryFromRecord(fields, { file, line });
    if (typeof entry === "string") result.problems.push({ file, line, message: entry });
    else result.entries.push(entry);
  }
  return result;
}

export const readCsv = (text: string, file: string): ReadResult => readDelimited(text, file, ",");
export const readTsv = (text: string, file: string): ReadResult => readDelimited(text, file, "\t");
