/**
 * Research gaps: pairs of entities no paper names together yet that the graph says will meet,
 * strongest first, each with its evidence (the neighbours both sides share, the papers behind
 * each). Scored by the model fitted on the corpus's own past (past.ts); where the corpus has too
 * few dated papers for a past to learn from, by Adamic–Adar, and the report says which.
 */
import {
  type Candidate,
  degree,
  forEachCandidate,
  PAIR_TYPE_NAMES,
  type PairType,
} from "./candidates.js";
import type { Incidence } from "./incidence.js";
import { FEATURES, featuresOf, type GapModel, scoreBound, scoreOf } from "./link-model.js";
import { nextDay, placedDate } from "./months.js";
import { addMonthsToDay, fitOnPast, HORIZON_MONTHS, RECENT_MONTHS } from "./past.js";
import { type Snapshot, takeSnapshot } from "./snapshot.js";

export interface GapOptions {
  /** Only gaps of these pair types (all by default). */
  pairs?: readonly PairType[];
  /** Only gaps of this entity (an entity id): its likeliest next partners. */
  concept?: string;
  limit: number;
}

export const DEFAULT_GAPS: GapOptions = { limit: 20 };

/** Pairs that must have met in the last months for a fitted model to be trusted over Adamic–Adar. */
export const MIN_PAIRS_MET = 30;
/** Shared neighbours a gap shows as its evidence, rarest first. */
const SHARED_SHOWN = 5;

export interface GapEnd {
  id: string;
  label: string;
  /** Papers naming it. */
  papers: number;
}

export interface Gap {
  pairType: PairType;
  a: GapEnd;
  b: GapEnd;
  /** The scorer's value: log-odds of meeting soon for the fitted model, else Adamic–Adar. */
  score: number;
  /** How many neighbours they share, and the rarest of them. */
  common: number;
  shared: { id: string; label: string }[];
}

export interface GapReport {
  /** "fitted": the model fitted on the corpus's past; "adamic-adar": too little past to fit. */
  scorer: "fitted" | "adamic-adar";
  /** Why the scorer is what it is, in words. */
  because: string;
  model?: GapModel["fittedOn"];
  candidates: number;
  gaps: Gap[];
}

/** The field as it stands: every paper counts, the recent ones by the last dated day. */
function snapshotNow(incidence: Incidence, lastDay: string | undefined): Snapshot {
  const recentFrom = lastDay ? addMonthsToDay(lastDay, -RECENT_MONTHS) : undefined;
  return takeSnapshot(incidence, {
    before: () => true,
    recent: (paper) => {
      const day = placedDate(paper.date);
      return recentFrom !== undefined && day !== undefined && day > recentFrom;
    },
  });
}

function lastDayOf(incidence: Incidence): string | undefined {
  let last: string | undefined;
  for (const paper of incidence.papers) {
    const day = placedDate(paper.date);
    if (day && (!last || day > last)) last = day;
  }
  return last;
}

/** The neighbours a pair shares, rarest (fewest links) first. */
function sharedNeighbours(snapshot: Snapshot, a: number, b: number): number[] {
  const { offsets, neighbours } = snapshot;
  const ofB = new Set(neighbours.subarray(offsets[b] as number, offsets[b + 1] as number));
  return Array.from(neighbours.subarray(offsets[a] as number, offsets[a + 1] as number))
    .filter((w) => ofB.has(w))
    .sort((x, y) => degree(snapshot, x) - degree(snapshot, y) || x - y);
}

function pairsMetInWords(n: number): string {
  return n === 0 ? "no pair met" : n === 1 ? "only 1 pair met" : `only ${n} pairs met`;
}

/** The scorer a corpus's past allows at a cutoff, and why. */
export interface GapScorer {
  scorer: GapReport["scorer"];
  because: string;
  /** The fitted model, where the past had enough pairs that met to learn from. */
  model?: GapModel;
}

/**
 * The model fitted on a corpus's past before `cutoff` (YYYY-MM-DD), where enough pairs met in its
 * windows to learn from; else Adamic–Adar, and the reason.
 */
export function gapScorer(incidence: Incidence, cutoff: string | undefined): GapScorer {
  if (cutoff === undefined)
    return { scorer: "adamic-adar", because: "no paper has a date to learn from" };
  const model = fitOnPast(incidence, cutoff);
  const { positives, windows } = model.fittedOn;
  if (positives < MIN_PAIRS_MET)
    return {
      scorer: "adamic-adar",
      because: `${pairsMetInWords(positives)} in the papers of the ${HORIZON_MONTHS} months before ${cutoff}, too few to learn from (${MIN_PAIRS_MET} needed)`,
    };
  return {
    scorer: "fitted",
    because: `fitted on the ${positives} pairs that met in ${windows.length} windows of ${HORIZON_MONTHS} months before ${cutoff}`,
    model,
  };
}

/** A field as it stands, with its scorer: what every question of its gaps reads, made once. */
export interface GapField {
  incidence: Incidence;
  snapshot: Snapshot;
  scorer: GapScorer;
}

/** The field of an incidence as it stands, and the strongest scorer its dates allow. */
export function gapField(incidence: Incidence): GapField {
  const lastDay = lastDayOf(incidence);
  return {
    incidence,
    snapshot: snapshotNow(incidence, lastDay),
    scorer: gapScorer(incidence, lastDay && nextDay(lastDay)),
  };
}

/** The gaps of a field, or of one entity. */
export function findGaps(field: GapField, options: Partial<GapOptions> = {}): GapReport {
  const { limit, pairs, concept } = { ...DEFAULT_GAPS, ...options };
  const { incidence, snapshot } = field;
  const { scorer, because, model } = field.scorer;
  const x = new Float64Array(FEATURES.length);
  const score = (c: Candidate) =>
    model ? scoreOf(model, c, featuresOf(snapshot, c, x)) : c.adamicAdar;
  const only = concept === undefined ? undefined : incidence.ids.indexOf(concept);
  const member = only === undefined ? undefined : (snapshot.memberOf[only] as number);
  const best: { c: Candidate; score: number }[] = [];
  let candidates = 0;
  for (const pairType of pairs ?? PAIR_TYPE_NAMES) {
    if (member === -1) break;
    forEachCandidate(
      snapshot,
      pairType,
      (c) => {
        candidates++;
        const full = best.length >= limit;
        const worst = full ? (best.at(-1) as { score: number }).score : Number.NEGATIVE_INFINITY;
        if (full && model && scoreBound(model, c) <= worst) return;
        const s = score(c);
        if (full && s <= worst) return;
        best.push({ c: { ...c }, score: s });
        best.sort((p, q) => q.score - p.score || p.c.a - q.c.a || p.c.b - q.c.b);
        if (best.length > limit) best.pop();
      },
      member,
    );
  }
  const end = (m: number): GapEnd => {
    const e = snapshot.members[m] as number;
    return {
      id: incidence.ids[e] as string,
      label: incidence.labels[e] as string,
      papers: snapshot.papers[m] as number,
    };
  };
  return {
    scorer,
    because,
    ...(model ? { model: model.fittedOn } : {}),
    candidates,
    gaps: best.map(({ c, score: s }) => {
      const shared = sharedNeighbours(snapshot, c.a, c.b);
      return {
        pairType: c.pairType,
        a: end(c.a),
        b: end(c.b),
        score: Math.round(s * 1e4) / 1e4,
        common: shared.length,
        shared: shared.slice(0, SHARED_SHOWN).map((m) => {
          const e = snapshot.members[m] as number;
          return { id: incidence.ids[e] as string, label: incidence.labels[e] as string };
        }),
      };
    }),
  };
}
