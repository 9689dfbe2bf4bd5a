/**
 * Greek letters by their LaTeX names. Ingest writes "PixArt-$\alpha$" and "{\Psi}-Arena" as the
 * letters authors meant; entity keys spell a letter out, so "PixArt-α" and "PixArt-alpha" meet.
 */
export const GREEK_LETTERS: Readonly<Record<string, string>> = {
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  varepsilon: "ε",
  zeta: "ζ",
  eta: "η",
  theta: "θ",
  vartheta: "ϑ",
  iota: "ι",
  kappa: "κ",
  lambda: "λ",
  mu: "μ",
  nu: "ν",
  xi: "ξ",
  pi: "π",
  rho: "ρ",
  sigma: "σ",
  tau: "τ",
  upsilon: "υ",
  phi: "φ",
  varphi: "φ",
  chi: "χ",
  psi: "ψ",
  omega: "ω",
  Gamma: "Γ",
  Delta: "Δ",
  Theta: "Θ",
  Lambda: "Λ",
  Xi: "Ξ",
  Pi: "Π",
  Sigma: "Σ",
  Upsilon: "Υ",
  Phi: "Φ",
  Psi: "Ψ",
  Omega: "Ω",
};

/** Each lower-case Greek letter's name: "α" → "alpha" (a capital is lower-cased first). */
export const GREEK_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries(GREEK_LETTERS)
    .filter(([name]) => name === name.toLowerCase() && !name.startsWith("var"))
    .map(([name, letter]) => [letter, name]),
);
