import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseArxivId, parseDate } from "../clean.js";
import type { RawEntry, ReadResult } from "../entry.js";
import { IngestError, lineAt } from "../problems.js";

/** Element names that may repeat inside an Atom entry and must always parse as arrays. */
const REPEATED = new Set(["entry", "author", "link", "category"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  // Only the five predefined XML entities; a document's own <!ENTITY> declarations are refused below.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => REPEATED.has(name),
});

type XmlNode = Record<string, unknown>;

/** Text of an element that may be a plain string or an object holding "#text" beside attributes. */
function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node)
    return String((node as XmlNode)["#text"]);
  return "";
}

function assertWellFormed(text: string, file: string): void {
  // Entity declarations are how "billion laughs" and external-entity files attack a reader;
  // an arXiv export never has them, so a file that declares any is refused rather than expanded.
  const declaration = /<!ENTITY/i.exec(text);
  if (declaration) {
    const line = lineAt(text, declaration.index);
    throw new IngestError({
      file,
      line,
      message: "XML declares entities (<!ENTITY ...>), which papergraph does not expand",
    });
  }
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    throw new IngestError({
      file,
      line: verdict.err.line,
      message: `malformed XML: ${verdict.err.msg}`,
    });
  }
}

/** Parses a document the validator passed; the parser still refuses some (a tag cut off at the end). */
function parseDocument(text: string, file: string): XmlNode {
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason);
    throw new IngestError({
      file,
      line: position ? lineAt(text, Number(position[1])) : undefined,
      message: `malformed XML: ${reason}`,
    });
  }
}

function entryLines(text: string): number[] {
  return [...text.matchAll(/<(?:[\w-]+:)?entry[\s>]/g)].map((m) => lineAt(text, m.index));
}

function htmlLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const alternate = links.find(
    (l: XmlNode) => l["@rel"] === "alternate" || l["@rel"] === undefined,
  );
  const href = alternate?.["@href"];
  return typeof href === "string" ? href : undefined;
}

function toEntry(
  node: XmlNode,
  file: string,
  record: number,
  line: number | undefined,
): RawEntry | string {
  const title = textOf(node.title);
  if (title.trim() === "") return "entry has no title";
  const id = textOf(node.id);
  const raw: RawEntry = { title, abstract: textOf(node.summary), source: { file, line, record } };
  const arxivId = parseArxivId(id);
  if (arxivId) raw.arxivId = arxivId;
  const url = htmlLink(node.link) ?? (/^https?:\/\//.test(id) ? id : undefined);
  if (url) raw.url = url;
  const date = parseDate(textOf(node.published) || textOf(node.updated));
  if (date) raw.date = date;
  const authors = Array.isArray(node.author)
    ? node.author.map((a: XmlNode) => textOf(a.name)).filter(Boolean)
    : [];
  if (authors.length > 0) raw.authors = authors;
  return raw;
}

/** An arXiv API Atom feed (the export of a query): one paper per <entry>. */
export function readAtom(text: string, file: string): ReadResult {
  assertWellFormed(text, file);
  const document = parseDocument(text, file);
  const root = Object.keys(document).find((k) => !k.startsWith("?") && !k.startsWith("#"));
  if (root !== "feed") {
    const found = root ? `<${root}>` : "no root element";
    throw new IngestError({
      file,
      message: `not an Atom feed: expected a <feed> root element, found ${found}`,
    });
  }
  const feed = document.feed as XmlNode;
  const nodes = Array.isArray(feed.entry) ? (feed.entry as XmlNode[]) : [];
  const lines = entryLines(text);
  const result: ReadResult = { entries: [], problems: [] };
  nodes.forEach((node, index) => {
    const entry = toEntry(node, file, index + 1, lines[index]);
    if (typeof entry === "string")
      result.problems.push({ file, line: lines[index], record: index + 1, message: entry });
    else result.entries.push(entry);
  });
  return result;
}
