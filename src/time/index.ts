/**
 * The field in time, read from a built graph: papers month by month, what is rising, new and
 * fading, and the gaps — pairs of entities no paper names together yet that the graph says will
 * meet — with the backtest that keeps the gap scorer honest. Pure.
 */
export { type BacktestReport, backtestGaps, SCORERS, type Scorer } from "./backtest.js";
export { type Burst, type BurstOptions, DEFAULT_BURST, detectBursts } from "./burst.js";
export { PAIR_TYPE_NAMES, PAIR_TYPES, type PairType } from "./candidates.js";
export {
  DEFAULT_GAPS,
  findGaps,
  type Gap,
  type GapField,
  type GapOptions,
  type GapReport,
  gapField,
} from "./gaps.js";
export { type Incidence, incidenceOf } from "./incidence.js";
export type { GapModel } from "./link-model.js";
export { addMonths, monthOf, monthsBetween, parseMonth } from "./months.js";
export { HORIZON_MONTHS } from "./past.js";
export type { RankingScores } from "./ranking.js";
export { type FieldSeries, fieldSeries, type Series, type Timeline } from "./series.js";
export {
  DEFAULT_TRENDS,
  findTrends,
  gSquared,
  type TrendOptions,
  type TrendReport,
} from "./trends.js";
