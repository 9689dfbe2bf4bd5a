/**
 * A paper's broader and narrower names of a task ("mesh generation", "Efficient Mesh
 * Generation"; "pose estimation", "6D pose estimation"): a narrower form that only adds words of
 * manner is the paper's wording of the broader task (and, for words that say only how well or how
 * it is treated, even where the paper never writes the broader one); any other is a task of its
 * own, which the paper's broader form is shorthand for. Across papers, broader and narrower stay
 * two.
 */
import type { Candidate } from "./candidate.js";
import { singularWords } from "./keys.js";
import { MANNER, MANNER_ACROSS_PAPERS, MEANS, MEANS_SUFFIXES } from "./lexicon.js";
import { isKnownTask } from "./model/gazetteer.js";

/**
 * A clause or a possessive ("Moving Object Detection in Remote Sensing", "LALMs' multi-hop
 * reasoning") is no narrower form of the name it ends with.
 */
export const CLAUSE_OR_POSSESSIVE =
  /\s(in|for|of|on|with|via|from|to|under|using|across|at|by)\s|['’]s?\s/i;

/** Papers a narrower task form must be named by to be a task of its own. */
export const OWN_TASK_PAPERS = 2;

/** A task's candidates (their names), each with the paper it is in (an index into the corpus). */
export interface TaskGroup {
  candidates: Pick<Candidate, "text">[];
  papers: number[];
}

/** Whether a name's words end with a shorter name's: "6D pose estimation" with "pose estimation". */
export function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  return (
    suffix.length < words.length &&
    suffix.every((w, i) => words[words.length - suffix.length + i] === w)
  );
}

/**
 * How many of a name's first words say only how its task is done, at each place they may end:
 * words of `manner`, and the means it is done by, method words with "based", "driven", "powered"
 * or "assisted" after them ("AI-based 3D reconstruction", "deep learning-driven segmentation").
 * "Event-based image deblurring" says what the task is done on: a narrower task.
 */
function mannerEnds(words: readonly string[], manner: ReadonlySet<string>): number[] {
  const ends: number[] = [];
  let at = 0;
  while (at < words.length) {
    let means = at;
    while (MEANS.has(words[means] as string)) means++;
    if (means > at && MEANS_SUFFIXES.has(words[means] as string)) at = means + 1;
    else if (manner.has(words[at] as string)) at++;
    else break;
    ends.push(at);
  }
  return ends;
}

/**
 * Within one paper, which task forms (keys, with a text each) join which. A narrower form the
 * corpus does not name as a task of its own joins its closest broader form when it adds only
 * words of manner ("Benchmarking Spatial Reasoning", "efficient mesh generation"): "LiDAR Remote
 * Sensing", "aerial image segmentation" or "Amodal 3D Reconstruction" name narrower tasks,
 * however few papers name them; a broader form joins the one narrower task of its own it is short for
 * ("pose estimation" in a paper on "6D pose estimation"), and stays itself beside two of them
 * ("2D pose estimation" and "3D human pose estimation"): merged the other way, across papers,
 * "pose estimation" swallowed 6D object and 3D human pose estimation alike.
 */
export function taskMerges(
  texts: ReadonlyMap<string, string>,
  ownTask: (key: string) => boolean,
): Map<string, string> {
  const merges = new Map<string, string>();
  // Most papers name one task or none: nothing to merge.
  if (texts.size < 2) return merges;
  const tasks = [...texts]
    .filter(([, text]) => !CLAUSE_OR_POSSESSIVE.test(text))
    .map(([key, text]) => ({ key, words: singularWords(text) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  for (const task of tasks) {
    if (ownTask(task.key)) continue;
    const [closest] = tasks
      .filter((other) => endsWith(task.words, other.words))
      .sort((a, b) => b.words.length - a.words.length);
    const added = closest ? task.words.slice(0, task.words.length - closest.words.length) : [];
    if (closest && mannerEnds(added, MANNER).at(-1) === added.length)
      merges.set(task.key, closest.key);
  }
  for (const task of tasks) {
    if (merges.has(task.key)) continue;
    const narrower = tasks.filter((o) => !merges.has(o.key) && endsWith(o.words, task.words));
    if (narrower.length === 1) merges.set(task.key, (narrower[0] as { key: string }).key);
  }
  for (const [from, to] of merges) {
    let target = to;
    while (merges.has(target)) target = merges.get(target) as string;
    merges.set(from, target);
  }
  return merges;
}

/**
 * Joins each paper's broader and narrower task forms (taskMerges), moving that paper's candidates
 * between the groups of `tasks` (by key). A task of its own is one OWN_TASK_PAPERS papers name,
 * or one Papers with Code lists ("blind image deblurring", "3D anomaly detection").
 */
export function joinPaperTasks(tasks: Map<string, TaskGroup>): void {
  const paperCount = new Map<string, number>();
  const textsOf = new Map<number, Map<string, string>>();
  for (const [key, group] of tasks) {
    paperCount.set(key, new Set(group.papers).size);
    group.papers.forEach((paper, i) => {
      const texts = textsOf.get(paper) ?? new Map<string, string>();
      if (!texts.has(key)) texts.set(key, group.candidates[i]?.text as string);
      textsOf.set(paper, texts);
    });
  }
  const ownTask = (key: string) =>
    (paperCount.get(key) ?? 0) >= OWN_TASK_PAPERS || isKnownTask(key);
  for (const paper of [...textsOf.keys()].sort((a, b) => a - b))
    for (const [from, to] of taskMerges(textsOf.get(paper) as Map<string, string>, ownTask))
      moveCandidates(tasks.get(from) as TaskGroup, tasks.get(to) as TaskGroup, paper);
  for (const [from, to] of mannerMerges(tasks, ownTask))
    moveCandidates(tasks.get(from) as TaskGroup, tasks.get(to) as TaskGroup);
}

/** Moves a group's candidates (those of one paper, or all) into another group. */
function moveCandidates(source: TaskGroup, target: TaskGroup, paper?: number): void {
  const moving = source.papers.map((p) => paper === undefined || p === paper);
  source.candidates.forEach((candidate, i) => {
    if (!moving[i]) return;
    target.candidates.push(candidate);
    target.papers.push(source.papers[i] as number);
  });
  source.candidates = source.candidates.filter((_, i) => !moving[i]);
  source.papers = source.papers.filter((_, i) => !moving[i]);
}

/**
 * Across the corpus, a one-off task form that only adds words saying how well or how a paper
 * treats a task of its own (MANNER_ACROSS_PAPERS: "Evaluating Mathematical Reasoning", "Unpaired
 * Point Cloud Completion"), or by what means ("AI-based 3D reconstruction"), is that task, though
 * its paper never writes the task bare; within a paper, taskMerges already joined those that it
 * does, by all words of manner. "Dynamic 3D scene reconstruction" or "whole-body pose estimation"
 * may be narrower tasks: they join nothing unless their paper says so. The longest such task wins.
 */
function mannerMerges(
  tasks: ReadonlyMap<string, TaskGroup>,
  ownTask: (key: string) => boolean,
): Map<string, string> {
  const merges = new Map<string, string>();
  // Each form joins a task of its own, which never joins another: the order of the forms is moot.
  for (const [key, group] of tasks) {
    const first = group.candidates[0];
    if (!first || ownTask(key)) continue;
    const words = singularWords(first.text);
    for (const start of mannerEnds(words, MANNER_ACROSS_PAPERS)) {
      const broader = words.slice(start).join("");
      // A task all of whose papers name it otherwise (joinStrayTypes: "transfer learning" a
      // method) is no task to join.
      const named = (tasks.get(broader)?.candidates.length ?? 0) > 0;
      if (broader !== key && named && ownTask(broader)) {
        merges.set(key, broader);
        break;
      }
    }
  }
  return merges;
}
