/**
 * A layout worker: lays out the threads' jobs it is sent, one after another, and answers each on
 * its port, then wakes the waiting thread through the shared signal (region-workers.ts).
 */
import { type MessagePort, parentPort } from "node:worker_threads";
import { layoutRegion, type RegionJob } from "./region-job.js";
import type { WorkerAnswer } from "./region-workers.js";

parentPort?.once(
  "message",
  ({
    port,
    signal,
    jobs,
  }: {
    port: MessagePort;
    signal: Int32Array;
    jobs: [number, RegionJob][];
  }) => {
    const answer = (message: WorkerAnswer, transfer: ArrayBuffer[] = []) => {
      port.postMessage(message, transfer);
      Atomics.add(signal, 0, 1);
      Atomics.notify(signal, 0);
    };
    answer({ ready: true });
    try {
      for (const [job, data] of jobs) {
        const positions = layoutRegion(data);
        answer({ job, positions }, [positions.buffer as ArrayBuffer]);
      }
    } catch (error) {
      answer({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    port.close();
  },
);
