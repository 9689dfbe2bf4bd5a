/**
 * The corpus's own past as a teacher: the field as it stood at a cutoff, the pairs that met in a
 * window after it, and the gap model fitted on an earlier cutoff whose window ends where the
 * scored one starts.
 */
import { seededRandom } from "../random.js";
import { ENTITY_TYPES, type EntityType } from "../types.js";
import { candidateCount, forEachCandidate, PAIR_TYPE_NAMES, PAIR_TYPES } from "./candidates.js";
import type { Incidence } from "./incidence.js";
import {
  FEATURES,
  featuresOf,
  fitGapModel,
  type GapModel,
  NEAR_COMMON,
  type TrainingSet,
} from "./link-model.js";
import { addMonths, placedDate } from "./months.js";
import { linked, type Snapshot, takeSnapshot } from "./snapshot.js";

/** Months before a cutoff whose papers count as recent work. */
export const RECENT_MONTHS = 3;
/** Months between the cutoff the model is fitted at and the one it scores at. */
export const HORIZON_MONTHS = 4;
/** Papers that must name a pair together for it to have met: one may be a passing mention. */
export const MEET_PAPERS = 2;
const SAMPLE_SEED = 7;

/** A day `months` months from a YYYY-MM-DD day (the day kept). */
export function addMonthsToDay(day: string, months: number): string {
  return `${addMonths(day.slice(0, 7), months)}${day.slice(7)}`;
}

/** The field as it stood just before `cutoff` (YYYY-MM-DD): papers dated before it. */
export function snapshotBefore(incidence: Incidence, cutoff: string): Snapshot {
  const recentFrom = addMonthsToDay(cutoff, -RECENT_MONTHS);
  return takeSnapshot(incidence, {
    before: (paper) => {
      const day = placedDate(paper.date);
      return day !== undefined && day < cutoff;
    },
    recent: (paper) => (placedDate(paper.date) as string) >= recentFrom,
  });
}

/** The key of a candidate pair among a snapshot's members. */
export function pairKey(snapshot: Snapshot, a: number, b: number): number {
  return a * snapshot.members.length + b;
}

/** The type of each member of a snapshot. */
export function memberTypesOf(snapshot: Snapshot): EntityType[] {
  const types: EntityType[] = [];
  for (const type of ENTITY_TYPES) {
    const [from, to] = snapshot.ranges[type];
    for (let m = from; m < to; m++) types[m] = type;
  }
  return types;
}

/**
 * Candidate pairs of a snapshot that at least MEET_PAPERS papers dated in [from, until) name
 * together, by key.
 */
export function pairsMet(
  incidence: Incidence,
  snapshot: Snapshot,
  from: string,
  until: string,
): Set<number> {
  const together = new Map<number, number>();
  const memberTypes = memberTypesOf(snapshot);
  for (const paper of incidence.papers) {
    const day = placedDate(paper.date);
    if (day === undefined || day < from || day >= until) continue;
    const named: number[] = [];
    for (const e of paper.entities) {
      const m = snapshot.memberOf[e] as number;
      if (m >= 0) named.push(m);
    }
    for (const [typeA, typeB] of Object.values(PAIR_TYPES))
      for (const a of named) {
        if (memberTypes[a] !== typeA) continue;
        for (const b of named) {
          if (memberTypes[b] !== typeB || linked(snapshot, a, b)) continue;
          const key = pairKey(snapshot, a, b);
          together.set(key, (together.get(key) ?? 0) + 1);
        }
      }
  }
  return new Set([...together].filter(([, n]) => n >= MEET_PAPERS).map(([key]) => key));
}

/** Windows the model learns from: the latest, and the ones a month and two months before it. */
export const TRAINING_WINDOWS = 3;
/** Unmet pairs kept to fit each forest, from each window (a seeded sample stands for the rest). */
const SAMPLED_NEAR = 60_000;
const SAMPLED_FAR = 60_000;

/**
 * Fits the gap model on the past of `cutoff`: in each of TRAINING_WINDOWS windows of
 * HORIZON_MONTHS, ending at the cutoff and a month and two months before it, the field at the
 * window's start, each pair that met by its end against a seeded sample of those that did not,
 * each sampled pair weighed by how many it stands for.
 */
export function fitOnPast(incidence: Incidence, cutoff: string): GapModel {
  const random = seededRandom(SAMPLE_SEED);
  const set: TrainingSet = { rows: [], met: [], near: [], weights: [] };
  const fittedOn: GapModel["fittedOn"] = { windows: [], positives: 0, candidates: 0, rows: 0 };
  for (let w = 0; w < TRAINING_WINDOWS; w++) {
    const until = addMonthsToDay(cutoff, -w);
    const start = addMonthsToDay(until, -HORIZON_MONTHS);
    const snapshot = snapshotBefore(incidence, start);
    const met = pairsMet(incidence, snapshot, start, until);
    const near: { row: Float64Array; met: boolean }[] = [];
    let total = 0;
    for (const pairType of PAIR_TYPE_NAMES) total += candidateCount(snapshot, pairType);
    const farRate = Math.min(1, SAMPLED_FAR / Math.max(1, total));
    for (const pairType of PAIR_TYPE_NAMES)
      forEachCandidate(snapshot, pairType, (c) => {
        const didMeet = met.has(pairKey(snapshot, c.a, c.b));
        if (c.common >= NEAR_COMMON) {
          near.push({
            row: featuresOf(snapshot, c, new Float64Array(FEATURES.length)),
            met: didMeet,
          });
          return;
        }
        if (!didMeet && random() >= farRate) return;
        set.rows.push(featuresOf(snapshot, c, new Float64Array(FEATURES.length)));
        set.met.push(didMeet);
        set.near.push(false);
        set.weights.push(didMeet ? 1 : 1 / farRate);
      });
    const unmetNear = near.filter((r) => !r.met).length;
    const nearRate = Math.min(1, SAMPLED_NEAR / Math.max(1, unmetNear));
    for (const { row, met: didMeet } of near) {
      if (!didMeet && random() >= nearRate) continue;
      set.rows.push(row);
      set.met.push(didMeet);
      set.near.push(true);
      set.weights.push(didMeet ? 1 : 1 / nearRate);
    }
    fittedOn.windows.push([start, until]);
    fittedOn.positives += met.size;
    fittedOn.candidates += total;
  }
  fittedOn.rows = set.rows.length;
  return fitGapModel(set, fittedOn);
}
