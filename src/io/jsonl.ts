/** One JSON object per line, newline-terminated: the format of every record file papergraph writes. */
export function toJsonLines(records: Iterable<unknown>): string {
  let out = "";
  for (const record of records) out += `${JSON.stringify(record)}\n`;
  return out;
}
