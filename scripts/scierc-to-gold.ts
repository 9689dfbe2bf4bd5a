/**
 * Converts SciERC (../shared/external/scierc, DyGIE format) into gold records that
 * `papergraph eval` reads, to measure extraction on abstracts of another field and era:
 *
 *   npm run scierc -- --out /tmp/scierc-dev.jsonl
 *   npm run papergraph -- eval --gold /tmp/scierc-dev.jsonl --types method task
 *
 * SciERC's `Method` spans become methods and its `Task` spans tasks; its other labels have no
 * counterpart in our guidelines and are left out, so only methods and tasks are scored. SciERC
 * states no licence: its text is for measuring only, so the output is written outside the
 * repository and never shipped.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    input: {
      type: "string",
      default: join(import.meta.dirname, "..", "..", "shared", "external", "scierc", "dev.json"),
    },
    out: { type: "string" },
  },
});
if (!args.out)
  throw new Error("--out FILE is required (outside the repository: SciERC is not ours to ship)");

interface Document {
  doc_key: string;
  sentences: string[][];
  ner: [start: number, end: number, label: string][][];
}

/** Tokens as a reader writes them: no space before closing punctuation or after an opening bracket. */
function detokenize(tokens: readonly string[]): string {
  return tokens
    .join(" ")
    .replace(/ ([,.;:)\]?!%])/g, "$1")
    .replace(/([([]) /g, "$1")
    .replace(/ -LRB- /g, " (")
    .replace(/ -RRB-/g, ")");
}

const records = readFileSync(args.input as string, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line, index) => {
    let doc: Document;
    try {
      doc = JSON.parse(line) as Document;
    } catch (error) {
      throw new Error(`${args.input}:${index + 1}: malformed JSON: ${(error as Error).message}`);
    }
    const tokens = doc.sentences.flat();
    const named = (label: string) => {
      const names = new Map<string, string>();
      for (const [start, end, l] of doc.ner.flat()) {
        if (l !== label) continue;
        const name = detokenize(tokens.slice(start, end + 1));
        if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
      }
      return [...names.values()].map((name) => ({ name, aliases: [] }));
    };
    return {
      id: doc.doc_key,
      title: "",
      abstract: doc.sentences.map(detokenize).join(" "),
      methods: named("Method").map((m) => ({ ...m, role: "used" })),
      datasets: [],
      tasks: named("Task"),
      invariances: [],
    };
  });
writeFileSync(args.out, `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);
console.error(`wrote ${records.length} SciERC abstracts to ${args.out}`);
