/**
 * A real-like corpus of any size from a real one (`npm run bench -- --scale N`): the real records
 * first, then copies of them, each copy a new set of papers naming new things. Copy k gives every
 * paper a new id (and no link), and gives a share of the names in it (words with two capitals or a
 * digit, capitalised words inside a sentence, and words no more than a hundredth of the source's
 * papers use: "NeRF", "ResNet-50", "Gaussian Splatting", "hyperspectral") copy k's own suffix, the
 * same all through the copy; a title it leaves as it was takes the suffix on its last word. A name
 * so varied is a new entity that the copy's papers share, as the new methods and datasets of a
 * later year are, and a rare word makes new the one-paper phrases that are most of a real corpus's
 * entities; the field's common vocabulary ("image classification") stays. The share is set so
 * that distinct entities grow with papers as the real corpus's do (Heaps' law, fitted by the bench
 * on the real file's prefixes).
 */
import { createHash } from "node:crypto";

/** A word that names something: two capitals or a digit, or capitalised after a sentence's first word. */
const NAME_WORD = /(?<=[\s([{/"'-]|^)([A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)/g;
/** The share of names each copy varies, set so the scaled corpus follows the real one's fit. */
export const DEFAULT_SHARE = 1;
const CONSONANTS = "bdfgklmnprstvz";
const VOWELS = "aeiou";

/** Copy k's suffix: pronounceable, letters only ("ba", "be", …, "zu", "baba", …). */
export function copySuffix(copy: number): string {
  let suffix = "";
  let n = copy - 1;
  do {
    const syllable = n % (CONSONANTS.length * VOWELS.length);
    suffix += `${CONSONANTS[Math.floor(syllable / VOWELS.length)]}${VOWELS[syllable % VOWELS.length]}`;
    n = Math.floor(n / (CONSONANTS.length * VOWELS.length)) - 1;
  } while (n >= 0);
  return suffix;
}

/**
 * Words in at most this share of the source's papers (3 at least) are its own vocabulary, new in
 * each copy: set so the copies' entities grow as the real file's (see heapsFit).
 */
const RARE_SHARE = 0.01;

function isName(word: string, sentenceStart: boolean, rare: ReadonlySet<string>): boolean {
  if (/\d/.test(word) || /[A-Z].*[A-Z]/.test(word)) return true;
  if (rare.has(word.toLowerCase())) return true;
  return !sentenceStart && /^[A-Z][a-z]/.test(word);
}

/** The words of the source that few of its papers use (by lower case, four letters or more). */
export function rareWords(texts: Iterable<string>): Set<string> {
  const papers = new Map<string, number>();
  let count = 0;
  for (const text of texts) {
    count++;
    for (const word of new Set(text.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? []))
      papers.set(word, (papers.get(word) ?? 0) + 1);
  }
  const most = Math.max(3, Math.round(count * RARE_SHARE));
  return new Set([...papers].filter(([, n]) => n <= most).map(([word]) => word));
}

/** Whether copy k varies this name: a hash of both, below the share. */
function varied(word: string, copy: number, share: number): boolean {
  if (share >= 1) return true;
  const hash = createHash("sha1").update(`${copy}\u0000${word}`).digest().readUInt32BE(0);
  return hash / 2 ** 32 < share;
}

/**
 * A text of copy k: the names it varies carry the copy's suffix. In a title every word may be
 * capitalised, so there only two capitals or a digit make a name.
 */
export function variedText(
  text: string,
  copy: number,
  share: number,
  rare: ReadonlySet<string>,
  title = false,
): string {
  const suffix = copySuffix(copy);
  return text.replace(NAME_WORD, (word: string, _: string, offset: number) => {
    const before = text.slice(Math.max(0, offset - 3), offset);
    const sentenceStart = title || offset === 0 || /[.!?:]\s*$/.test(before);
    return isName(word, sentenceStart, rare) && varied(word, copy, share)
      ? `${word}${suffix}`
      : word;
  });
}

/**
 * A title with its last word given copy k's suffix: a title the copy leaves as it was would be the
 * same paper to de-duplication. Prefixed instead ("BA: …"), every title of a copy had named one
 * method "BA", a node of 75,000 papers at 300,000 that no real corpus has.
 */
function lastWordVaried(title: string, copy: number): string {
  return title.replace(/([\p{L}\p{N}])([^\p{L}\p{N}]*)$/u, `$1${copySuffix(copy)}$2`);
}

interface Source {
  id?: string;
  title?: string;
  abstract?: string;
  [field: string]: unknown;
}

/** The scaled corpus of a real file's lines: its i-th record, as a JSON line. */
export function scaledCorpus(lines: readonly string[], share: number): (i: number) => string {
  const records = () => lines.map((line) => JSON.parse(line) as Source);
  const rare = rareWords(records().map((r) => `${r.title ?? ""} ${r.abstract ?? ""}`));
  return (i) => {
    const copy = Math.floor(i / lines.length);
    const line = lines[i % lines.length] as string;
    if (copy === 0) return line;
    // Another paper: an id no reader takes for the arXiv id it was (nor a link that names it).
    const { url: _, ...record } = JSON.parse(line) as Source;
    const title = variedText(record.title ?? "", copy, share, rare, true);
    return JSON.stringify({
      ...record,
      id: `scaled-${copy}-${i % lines.length}`,
      title: title === record.title ? lastWordVaried(title, copy) : title,
      abstract: variedText(record.abstract ?? "", copy, share, rare),
    });
  };
}

/** Distinct entities grow as K·n^β (Heaps' law): the least-squares fit in log–log space. */
export function heapsFit(points: readonly { papers: number; entities: number }[]): {
  k: number;
  beta: number;
  at(papers: number): number;
} {
  const xs = points.map((p) => Math.log(p.papers));
  const ys = points.map((p) => Math.log(p.entities));
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] as number) - my);
    sxx += (x - mx) ** 2;
  });
  const beta = sxy / sxx;
  const k = Math.exp(my - beta * mx);
  return { k, beta, at: (papers) => k * papers ** beta };
}
