/**
 * Derives the extractor's field-wide vocabularies from the Papers with Code lists in
 * ../shared/lexicons/pwc/ (CC BY-SA 4.0): `npm run derive:pwc`. Writes
 * src/extract/lexicons/pwc/{methods,datasets,tasks}.json, kept apart with their NOTICE. The
 * forms are features of the learned tagger, never entities by themselves, so the filter only
 * drops what can never read as a name in running text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const SOURCE = join(ROOT, "..", "shared", "lexicons", "pwc");
const TARGET = join(ROOT, "src", "extract", "lexicons", "pwc");

interface PwcEntry {
  name: string;
  aliases: string[];
}

/**
 * A form worth matching in an abstract: two characters or more, at most eight words, holding a
 * letter, and not one of the list's table variants ("DIV2K val - 4x upscaling",
 * "Sentiment Analysis (Product + User)", "Translation eng-por").
 */
function usable(form: string): boolean {
  const words = form.trim().split(/\s+/);
  return (
    form.trim().length >= 2 &&
    words.length <= 8 &&
    /\p{L}/u.test(form) &&
    !/ - |[()[\]+:;,]/.test(form) &&
    !/^Translation [a-z]{3}-[a-z]{3}$/.test(form)
  );
}

for (const file of ["methods", "datasets", "tasks"]) {
  const forms = new Set<string>();
  for (const line of readFileSync(join(SOURCE, `${file}.jsonl`), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const entry = JSON.parse(line) as PwcEntry;
    for (const form of [entry.name, ...entry.aliases]) if (usable(form)) forms.add(form.trim());
  }
  const sorted = [...forms].sort();
  writeFileSync(join(TARGET, `${file}.json`), `${JSON.stringify(sorted, null, 0)}\n`);
  console.log(`${file}: ${sorted.length} forms`);
}
