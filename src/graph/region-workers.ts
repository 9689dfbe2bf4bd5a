/**
 * Threads' layouts shared among worker threads, one a core: at 74,722 papers the layout was half
 * a cached build, and each thread's ForceAtlas2 is independent of the others'. The caller waits,
 * blocked (the graph stage is synchronous), reading the workers' answers from their ports as they
 * come. It lays out none itself: ForceAtlas2's garbage (a fresh Barnes–Hut tree every iteration)
 * would pile up in its heap, which V8 lets grow to three or four times what it last found live,
 * and this heap holds the whole graph: at 149,437 papers that made the layout the build's peak.
 * A worker's heap holds its threads alone.
 */
import { availableParallelism } from "node:os";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  type Worker,
} from "node:worker_threads";
import { startWorker } from "../io/index.js";
import { layoutRegion, type RegionJob } from "./region-job.js";

/** Nodes and links in all threads from which the layout runs on workers: below, starting them costs more. */
const WORKERS_FROM = 20_000;
/** How long a worker may take to start, and to lay out one thread, before this thread does its jobs. */
const START_MS = 60_000;
const JOB_MS = 600_000;

/** The worker's entry point, from this file in src/ as from the CLI bundled at dist/cli/main.js. */
const WORKER = "../graph/layout-worker";

/** What a worker says: it is ready, a job's positions, or why it stopped. */
export type WorkerAnswer =
  | { ready: true }
  | { job: number; positions: Float64Array }
  | { error: string };

/** Jobs dealt to `count` workers: the costliest job first, each to the least loaded share. */
function deal(jobs: readonly RegionJob[], count: number): number[][] {
  const shares: number[][] = Array.from({ length: count }, () => []);
  const loads = new Array<number>(count).fill(0);
  const order = jobs.map((_, i) => i).sort((a, b) => costOf(jobs[b]) - costOf(jobs[a]) || a - b);
  for (const job of order) {
    const least = loads.indexOf(Math.min(...loads));
    (shares[least] as number[]).push(job);
    loads[least] = (loads[least] as number) + costOf(jobs[job]);
  }
  return shares;
}

function costOf(job: RegionJob | undefined): number {
  return job ? job.count + job.weights.length : 0;
}

interface Crew {
  workers: Worker[];
  ports: MessagePort[];
  signal: Int32Array;
}

/** A worker for each share. */
function startCrew(jobs: readonly RegionJob[], shares: readonly number[][]): Crew {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workers: Worker[] = [];
  const ports: MessagePort[] = [];
  for (const share of shares) {
    const worker = startWorker(import.meta.url, WORKER);
    worker.unref();
    const { port1, port2 } = new MessageChannel();
    worker.postMessage({ port: port2, signal, jobs: share.map((job) => [job, jobs[job]]) }, [
      port2,
    ]);
    workers.push(worker);
    ports.push(port1);
  }
  return { workers, ports, signal };
}

/**
 * Positions of each job, laid out by `count` workers. A job no worker answered in time (one
 * failed to start, or stopped) is laid out here, so a layout always completes, the same either way.
 */
export function layoutOnWorkers(
  jobs: readonly RegionJob[],
  count: number,
): { positions: Float64Array[]; laidOutHere: number } {
  const shares = deal(jobs, count);
  const crew = startCrew(jobs, shares);
  const positions: (Float64Array | undefined)[] = new Array(jobs.length);
  let answered = 0;
  try {
    let ready = 0;
    let waitedSince = Date.now();
    while (answered < jobs.length) {
      const seen = Atomics.load(crew.signal, 0);
      for (const port of crew.ports)
        for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
          const answer = m.message as WorkerAnswer;
          if ("error" in answer) throw new Error(`a layout worker stopped: ${answer.error}`);
          if ("ready" in answer) ready++;
          else {
            positions[answer.job] = answer.positions;
            answered++;
          }
          waitedSince = Date.now();
        }
      if (answered === jobs.length) break;
      if (Date.now() - waitedSince > (ready < crew.workers.length ? START_MS : JOB_MS)) break;
      Atomics.wait(crew.signal, 0, seen, 1000);
    }
  } finally {
    for (const worker of crew.workers) void worker.terminate();
    for (const port of crew.ports) port.close();
  }
  return {
    positions: jobs.map((job, i) => positions[i] ?? layoutRegion(job)),
    laidOutHere: jobs.length - answered,
  };
}

/**
 * Each thread's positions (x, y pairs by node): on `workers` threads, by default one a core once
 * the map is large enough; on this one where that is one.
 */
export function layoutRegions(jobs: readonly RegionJob[], workers?: number): Float64Array[] {
  const work = jobs.reduce((sum, job) => sum + costOf(job), 0);
  const count = Math.min(workers ?? availableParallelism(), jobs.length);
  if (count < 2 || (workers === undefined && work < WORKERS_FROM)) return jobs.map(layoutRegion);
  return layoutOnWorkers(jobs, count).positions;
}
