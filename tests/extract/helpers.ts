import { extractPapers } from "../../src/extract/index.js";
import { titleId } from "../../src/ingest/index.js";
import type { EntityType, Extraction, Mention, Paper } from "../../src/types.js";

export function paper(title: string, abstract = ""): Paper {
  return { id: titleId(title), title, abstract, sources: [] };
}

/** Extracts papers given as [title, abstract] pairs, as one corpus. */
export function extract(...papers: [string, string?][]): Extraction {
  return extractPapers(papers.map(([title, abstract]) => paper(title, abstract)));
}

/** The mentions of one type in the first paper, as "text" strings. */
export function found(extraction: Extraction, type: EntityType, paperIndex = 0): string[] {
  return (extraction.papers[paperIndex]?.mentions ?? [])
    .filter((m) => m.type === type)
    .map((m) => m.text);
}

export function mentionsOf(extraction: Extraction, paperIndex = 0): Mention[] {
  return extraction.papers[paperIndex]?.mentions ?? [];
}

export function entity(extraction: Extraction, id: string) {
  return extraction.entities.find((e) => e.id === id);
}
