/**
 * The gaps' backtest: the field before a cutoff, every candidate pair scored (no sampling), and
 * the pairs that at least MEET_PAPERS papers after the cutoff name together counted as found.
 * The shipped scorer, fitted on the past before the cutoff only, is set beside preferential
 * attachment, common neighbours and Adamic–Adar on the same candidates.
 */
import { type Candidate, degree, forEachCandidate, PAIR_TYPE_NAMES } from "./candidates.js";
import { type GapScorer, gapScorer } from "./gaps.js";
import type { Incidence } from "./incidence.js";
import { FEATURES, featuresOf, type GapModel, scoreOf } from "./link-model.js";
import { pairKey, pairsMet, snapshotBefore } from "./past.js";
import { RankingMeter, type RankingScores } from "./ranking.js";
import type { Snapshot } from "./snapshot.js";

export const SCORERS = [
  "papergraph",
  "preferentialAttachment",
  "commonNeighbours",
  "adamicAdar",
] as const;

export type Scorer = (typeof SCORERS)[number];

export interface BacktestReport {
  cutoff: string;
  candidates: number;
  positives: number;
  scores: Record<Scorer, RankingScores>;
  /** What the papergraph scorer was: the model fitted before the cutoff, or Adamic–Adar where too few pairs met there to learn from. */
  scorer: GapScorer["scorer"];
  because: string;
  model?: GapModel;
}

/** After every dated paper: the end of the window after the cutoff. */
const END_OF_TIME = "9999-12-31";

function scorersFor(snapshot: Snapshot, model: GapModel | undefined) {
  const x = new Float64Array(FEATURES.length);
  return (c: Candidate, into: Float64Array) => {
    into[0] = model ? scoreOf(model, c, featuresOf(snapshot, c, x)) : c.adamicAdar;
    into[1] = degree(snapshot, c.a) * degree(snapshot, c.b);
    into[2] = c.common;
    into[3] = c.adamicAdar;
  };
}

/** Every candidate of a snapshot scored by each scorer, against the pairs that met. */
export function rankCandidates(
  snapshot: Snapshot,
  met: ReadonlySet<number>,
  model: GapModel | undefined,
  onStep: (step: string) => void = () => {},
): { candidates: number; scores: Record<Scorer, RankingScores> } {
  const score = scorersFor(snapshot, model);
  const values = new Float64Array(SCORERS.length);
  onStep("scoring the pairs that met");
  const positiveScores = SCORERS.map(() => [] as number[]);
  const firsts = new Set([...met].map((key) => Math.floor(key / snapshot.members.length)));
  for (const pairType of PAIR_TYPE_NAMES)
    for (const a of firsts)
      forEachCandidate(
        snapshot,
        pairType,
        (c) => {
          if (c.a !== a || !met.has(pairKey(snapshot, c.a, c.b))) return;
          score(c, values);
          for (let i = 0; i < values.length; i++) positiveScores[i]?.push(values[i] as number);
        },
        a,
      );
  const meters = positiveScores.map((scores) => new RankingMeter(scores));
  let candidates = 0;
  onStep("scoring every candidate pair");
  for (const pairType of PAIR_TYPE_NAMES)
    forEachCandidate(snapshot, pairType, (c) => {
      candidates++;
      score(c, values);
      const didMeet = met.has(pairKey(snapshot, c.a, c.b));
      for (let i = 0; i < meters.length; i++) meters[i]?.observe(values[i] as number, didMeet);
    });
  onStep("counting ties at the top");
  for (const pairType of PAIR_TYPE_NAMES)
    forEachCandidate(snapshot, pairType, (c) => {
      score(c, values);
      for (let i = 0; i < meters.length; i++) meters[i]?.recount(values[i] as number);
    });
  return {
    candidates,
    scores: Object.fromEntries(SCORERS.map((name, i) => [name, meters[i]?.scores()])) as Record<
      Scorer,
      RankingScores
    >,
  };
}

/** Backtests the gap scorer at `cutoff` (YYYY-MM-DD). `onStep` names each step as it starts. */
export function backtestGaps(
  incidence: Incidence,
  cutoff: string,
  onStep: (step: string) => void = () => {},
): BacktestReport {
  onStep("fitting the scorer on the papers before the cutoff");
  const { scorer, because, model } = gapScorer(incidence, cutoff);
  onStep("the field at the cutoff");
  const snapshot = snapshotBefore(incidence, cutoff);
  const met = pairsMet(incidence, snapshot, cutoff, END_OF_TIME);
  const { candidates, scores } = rankCandidates(snapshot, met, model, onStep);
  return {
    cutoff,
    candidates,
    positives: met.size,
    scores,
    scorer,
    because,
    ...(model ? { model } : {}),
  };
}
