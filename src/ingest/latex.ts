/**
 * LaTeX and Markdown that abstracts keep, read as the text they render: accents, ties, text
 * styles, Greek letters in names, sizes, braces, emphasis. Math is left as written.
 */
import { GREEK_LETTERS } from "../greek.js";

// LaTeX accents pages leave in abstracts: "Poincar\'e", "Fr\'echet", "G\"odel", "\^{o}",
// "Mah\={a}bh\={a}rata", "Csisz{\' a}r" (grouped, with a space: left as written, "a}r" was the
// label of autoregressive models at 74,722 papers), and the accents named by a letter, always
// braced: "\v{c}", "\c{c}".
const LATEX_ACCENT = /\\(['`^"~=.])\s?\{?([A-Za-z])\}?|\\([vcuHkr])\{([A-Za-z])\}/g;
const GROUPED_ACCENT = /\{(\\['`^"~=.]\s?\{?[A-Za-z]\}?)\}/g;
const COMBINING: Record<string, string> = {
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  '"': "\u0308",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  v: "\u030C",
  c: "\u0327",
  u: "\u0306",
  H: "\u030B",
  k: "\u0328",
  r: "\u030A",
};

// LaTeX ties pages leave between words: "Bias-transformation~(CDvG)", "Fig.~3", "et~al.". A
// tilde standing alone ("~10%", about ten) is kept.
const LATEX_TIE = /(?<=[\p{L}\p{N}.,)\]])~(?=[\p{L}\p{N}([])/gu;

// LaTeX text styles arXiv abstracts keep around names: "we present \textbf{HeteroHub}",
// "\textit{S}hot-aware \textit{M}ultimodal", "\textcolor{update}{crowd animation}". The name is
// what is written inside; math and what nests a brace are left alone.
const LATEX_STYLE =
  /\\(?:textbf|textit|textsc|texttt|textrm|textsf|textsl|textup|textnormal|emph|underline|mbox|textcolor\{[^{}]*\})\s*\{([^{}\\$]*)\}/g;
// The older declarations: "{\bf Block-based Symmetric Pruning}", "{\em solution-aware}".
const LATEX_DECLARED_STYLE =
  /\{\\(?:bf|em|it|sf|tt|sc|rm|sl|bfseries|itshape|scshape|ttfamily|sffamily)\s+([^{}\\$]*)\}/g;
// Abstracts nest two styles at most; a hostile file's thousands of levels are left as written.
const NESTED_STYLES = 3;
// The thousands separator LaTeX writes braced: "5{,}000 prompts".
const BRACED_COMMA = /(\d)\{,\}(?=\d)/g;
// Words braced to keep their case or show where a short form comes from: "pro{A}ctive
// {l}earning", "an end-to-end {bi-level} optimization", "3D{-}UNet", "O{*}NET". Braces a command
// takes (\mathrm{emp}), a sub- or superscript's (n^{2}) and a list's (UCGM-{T,S}) are kept.
const BRACED_WORDS = /\{([\p{L}\p{N} *-]{1,200})\}/gu;
// A word set as math: "$invariant$".
const MATH_WORD = /\$([A-Za-z]{3,}(?:[- ][A-Za-z]+)*)\$/g;
const LETTER = /\p{L}/u;

// A Greek letter written as LaTeX inside a name: "PixArt-$\alpha$", "$\mu$KE", "{\Psi}-Arena",
// "{\tau}-Bench". Left as written, the name was cut at the dollar or kept its brace ("Psi}-Arena").
const LATEX_GREEK = /\$\s*\\([A-Za-z]+)\s*\$|\{\\([A-Za-z]+)\}/g;
// The star of a name like V* written as math: "V$^*$ Bench", "A$^{*}$".
const LATEX_STAR = /\$\^\{?\*\}?\$/g;
// A size written with LaTeX's times sign, or what a page left of it: "256$\times$256",
// "$512 \times 512$", "ImageNet 256times256". The sign is the character; left as written, math cut
// the sentence and a page's "256times256" made "ImageNet 256times256" a dataset of its own. A
// size begins where its digits do, so a long run of digits is read once, not from each of them.
const LATEX_TIMES =
  /(?<!\d)\$?(\d+)\s*(?:\$\s*\\times\s*\$|\\times|(?<=\d)times(?=\d))\s*(\d+)\$?/g;
// A colour switch keeps no text of its own, nor does the group it opens: "{\color{blue}there is
// no correlation}" (the group's closing brace is then a stray one).
const LATEX_COLOR = /\{?\\color\{[^{}]*\}\s*/g;
// Markdown emphasis some abstracts carry: "**CK-PLUG**", "__Resona__", "**L**earning to **P**lay",
// "i**N**tervention", "__C__lear __R__easoning" (a number's "2**3" is a power).
const MARKDOWN_EMPHASIS =
  /(?<![\p{N}*])\*\*(?=\S)([^*\n]{1,200}?)\*\*|(?<![\p{L}\p{N}_])__(?=\S)([^_\n]{1,200}?)__/gu;

// LaTeX's dashes: "---" an em dash, and so "--" where it sets a clause off ("Fixed-Sum Discrete
// Diffusion--the first framework", "random noise--requiring one step"); where it joins numbers or
// words of one kind ("13--70", "Rao--Blackwellized", "input--output") a hyphen, as most abstracts
// write them (read as an en dash, "human–computer interaction" was a name the tagger missed).
// Left as written, "Diffusion--the" was one word, and a name ran into the clause after it: 30
// names of the 10,000-paper map did ("ALFWorld--matching", "CoLa -- Learning"). A flag ("--help")
// is left alone.
const SPACED_DASH = /(?<=\s)---?(?=\s)/g;
const DASH = /---?/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;
// A run of letters longer than this is no word: the scans stay short on ten megabytes of letters.
const LONGEST_WORD = 100;
// The words a clause set off by a dash begins with, which no compound ends with.
const CLAUSE_OPENING =
  /^(?:the|a|an|this|these|those|its|their|our|we|it|they|which|that|who|whose|where|when|while|and|or|but|nor|yet|so|as|than|then|with|without|from|to|for|in|into|on|onto|at|of|by|via|under|over|through|unlike|not|no|such|most|all|both|each|only|even|also|is|are|was|were|has|have|can|may|will|namely|compared)$|\p{L}{3}(?:ing|ly)$/u;
const CAPITALISED = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;
const DIGITS = /^\p{N}+$/u;

/** The word of letters and digits that ends at `end`. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < LONGEST_WORD && WORD_CHAR.test(text[start - 1] as string))
    start--;
  return text.slice(start, end);
}

/** The word of letters and digits that begins at `start`. */
function wordAfter(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < LONGEST_WORD && WORD_CHAR.test(text[end] as string))
    end++;
  return text.slice(start, end);
}

/** A dash between two words as the character it renders: an em dash, or a joining hyphen. */
function readDash(dashes: string, at: number, text: string): string {
  const left = wordBefore(text, at);
  const right = wordAfter(text, at + dashes.length);
  if (left === "" || right === "") return dashes;
  // "state--of--the-art", "Decompose--Enhance--Reconstruct": words dashed in a chain are one.
  const after = at + dashes.length + right.length;
  const chained = text.startsWith("--", after) || text.startsWith("--", at - left.length - 2);
  const joins =
    dashes === "--" &&
    (chained ||
      (DIGITS.test(left) && DIGITS.test(right)) ||
      (CAPITALISED.test(left) && CAPITALISED.test(right)) ||
      (LOWER.test(left) && LOWER.test(right) && !CLAUSE_OPENING.test(right)));
  return joins ? "-" : "\u2014";
}

const NAME_CHAR = /[\p{L}\p{N}-]/u;

/**
 * A Greek letter's command as its letter where it is part of a name; a letter standing alone is a
 * symbol ("auxiliary modules ($\Phi$)"), and written as a letter it would read as a name (Phi).
 */
function greekLetter(
  written: string,
  inMath: string | undefined,
  inBraces: string | undefined,
  at: number,
  text: string,
): string {
  const letter = GREEK_LETTERS[(inMath ?? inBraces) as string];
  const inName =
    NAME_CHAR.test(text[at - 1] ?? "") || NAME_CHAR.test(text[at + written.length] ?? "");
  return letter !== undefined && inName ? letter : written;
}

/**
 * Braces that close nothing or are never closed, dropped: what a page left of LaTeX it had
 * half-removed ("Trunk-Collateral Net}work", "SALAD}(Structure Aware…)", "GRPO {OraPO)"). A
 * closing one is stray where more close than opened before it, an opening one where more open
 * than close after it.
 */
function withoutStrayBraces(text: string): string {
  if (!text.includes("}") && !text.includes("{")) return text;
  const stray = new Uint8Array(text.length);
  let strays = 0;
  for (let i = 0, open = 0; i < text.length; i++) {
    if (text[i] === "{") open++;
    else if (text[i] === "}") {
      if (open > 0) open--;
      else {
        stray[i] = 1;
        strays++;
      }
    }
  }
  for (let i = text.length - 1, close = 0; i >= 0; i--) {
    if (text[i] === "}" && stray[i] === 0) close++;
    else if (text[i] === "{") {
      if (close > 0) close--;
      else {
        stray[i] = 1;
        strays++;
      }
    }
  }
  if (strays === 0) return text;
  let kept = "";
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    if (stray[at] === 0) continue;
    kept += text.slice(from, at);
    from = at + 1;
  }
  return kept + text.slice(from);
}

/** Whether braces at `at` are a command's own (\mathrm{emp}), not a word's: letters back to a backslash. */
function commandBraces(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && LETTER.test(text[i] as string)) i--;
  return text[i] === "\\";
}

/** Text styles taken off, innermost first (\textbf{\textit{X}}), braced commas and words' braces. */
function withoutStyles(text: string): string {
  if (!text.includes("{")) return text;
  let plain = text;
  for (let level = 0, unwrapped = ""; level < NESTED_STYLES && unwrapped !== plain; level++) {
    unwrapped = plain;
    plain = plain.replace(LATEX_STYLE, "$1").replace(LATEX_DECLARED_STYLE, "$1");
  }
  // Braces are found first and their neighbours read after: a pattern opening on a lookbehind
  // is tried at every character, and on ten megabytes of letters never ended.
  return plain
    .replace(BRACED_COMMA, "$1,")
    .replace(BRACED_WORDS, (braced: string, words: string, at: number, whole: string) => {
      const scripted = whole[at - 1] === "^" || whole[at - 1] === "_";
      return scripted || commandBraces(whole, at) ? braced : words;
    });
}

/**
 * LaTeX accents, ties, dashes, text styles, Greek letters, stars and sizes decoded; Markdown
 * emphasis, colour switches and stray braces removed.
 */
export function withoutMarkup(text: string): string {
  return withoutStrayBraces(withoutStyles(text).replace(LATEX_COLOR, ""))
    .replace(LATEX_GREEK, greekLetter)
    .replace(LATEX_STAR, "*")
    .replace(LATEX_TIMES, "$1×$2")
    .replace(MARKDOWN_EMPHASIS, (_, bold?: string, underlined?: string) => bold ?? underlined ?? "")
    .replace(MATH_WORD, "$1")
    .replace(GROUPED_ACCENT, "$1")
    .replace(
      LATEX_ACCENT,
      (_, accent?: string, letter?: string, named?: string, namedLetter?: string) =>
        `${letter ?? namedLetter}${COMBINING[(accent ?? named) as string]}`,
    )
    .normalize("NFC")
    .replace(LATEX_TIE, " ")
    .replace(SPACED_DASH, "\u2014")
    .replace(DASH, readDash);
}
