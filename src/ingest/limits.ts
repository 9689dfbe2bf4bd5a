import type { RawEntry } from "./entry.js";

/** What one input may hold before papergraph refuses it; each is configurable from the CLI. */
export interface IngestLimits {
  /** Largest file read, in bytes (the whole file is held in memory). */
  maxFileBytes: number;
  /** Longest abstract, in characters: real ones are a few thousand. */
  maxAbstractLength: number;
  /** Longest title, in characters. */
  maxTitleLength: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxFileBytes: 512 * 1024 * 1024,
  maxAbstractLength: 100_000,
  maxTitleLength: 2_000,
};

/** The limits in force: the defaults, overridden by every value given (undefined ones ignored). */
export function resolveLimits(given: Partial<IngestLimits> = {}): IngestLimits {
  const set = Object.entries(given).filter(([, value]) => value !== undefined);
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(set) };
}

/** Why an entry breaks a limit ("abstract is 1200000 characters, over the limit of 100000"), if it does. */
export function overLimit(entry: RawEntry, limits: IngestLimits): string | undefined {
  if (entry.title.length > limits.maxTitleLength) {
    return `title is ${entry.title.length} characters, over the limit of ${limits.maxTitleLength}`;
  }
  if (entry.abstract.length > limits.maxAbstractLength) {
    return `abstract is ${entry.abstract.length} characters, over the limit of ${limits.maxAbstractLength} (--max-abstract-length)`;
  }
  return undefined;
}
