/**
 * VOSviewer's thesaurus file, read as it is: tab-separated, the header "label	replace by", one
 * term a line; an empty replacement drops the term. Each line becomes a correction (merge, or
 * drop), so a thesaurus made for VOSviewer carries over.
 */
import { type Correction, CorrectionError } from "./corrections.js";

const HEADER = ["label", "replace by"];

export function parseThesaurus(content: string, file: string): Correction[] {
  const lines = content.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const header = (lines[0] ?? "").split("\t").map((cell) => cell.trim().toLowerCase());
  if (header[0] !== HEADER[0] || header[1] !== HEADER[1])
    throw new CorrectionError(
      `${file}:1: a VOSviewer thesaurus begins with the header "label<TAB>replace by"`,
    );
  const corrections: Correction[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === "") return;
    const source = { file, line: index + 2 };
    const [label = "", replacement = ""] = line.split("\t").map((cell) => cell.trim());
    if (label === "")
      throw new CorrectionError(`${file}:${source.line}: the "label" column is empty`);
    corrections.push(
      replacement === ""
        ? { action: "drop", entity: { ref: label }, source }
        : { action: "merge", entity: { ref: label }, into: { ref: replacement }, source },
    );
  });
  return corrections;
}
