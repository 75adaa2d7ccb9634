// The worker-thread pool (piscina) for the planner and .xlsx reading (docs/reliability.md
// "Security"): the event loop keeps answering /healthz, desks and pushes while a plan is made. The
// pool is bounded (threads, and tasks waiting): past that a caller gets a 503 with Retry-After.
// Each task has a time limit; a task past it is aborted and its thread ended.
import { Piscina } from "piscina";
import { fileURLToPath } from "node:url";
import type { Config } from "../config.ts";
import type { Store } from "../store/index.ts";
import type { Metrics } from "../metrics.ts";
import { errors } from "../errors.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { Roster, RosterOptions } from "../../shared/roster/rows.ts";
import type { PlanDestination, TaskFailure, TaskResult, WorkerTask } from "./tasks.ts";
import type { XlsxLimits } from "./xlsx.ts";

/** Set by server/build.mjs in the compiled server: where its worker.js is, from this source file. */
declare const TENFOLD_COMPILED_WORKER: string | undefined;
// Compiled, the threads start the bundled worker.js; under tsx (mocha, a fresh clone) entry.mjs
// loads the TypeScript tasks.
const ENTRY = fileURLToPath(new URL(typeof TENFOLD_COMPILED_WORKER === "string" ? TENFOLD_COMPILED_WORKER : "./entry.mjs", import.meta.url));

export class WorkerPool {
  private pool?: Piscina;
  private inFlight = 0;

  /** What the pool needs of the app: its settings, its store's file, and the planner's metrics. */
  constructor(private readonly context: { config: Config; store: Store; metrics: Metrics }) {}

  private get piscina(): Piscina {
    const { workerThreads } = this.context.config;
    return (this.pool ??= new Piscina({ filename: ENTRY, minThreads: 0, maxThreads: workerThreads, idleTimeout: 60_000 }));
  }

  /** Tasks running or waiting now. */
  get busy(): number {
    return this.inFlight;
  }

  private async run(task: WorkerTask, transfer: ArrayBuffer[] = []): Promise<Exclude<TaskResult, TaskFailure>> {
    const { workerThreads, workerQueue, workerTimeoutSeconds } = this.context.config;
    if (this.inFlight >= workerThreads + workerQueue) throw errors.workersBusy(retryAfterSeconds(workerTimeoutSeconds));
    this.inFlight++;
    const plan = task.kind === "plan" ? this.context.metrics.plannerSeconds.startTimer() : undefined;
    let outcome: "ok" | "failed" | "timeout" = "failed";
    const signal = AbortSignal.timeout(workerTimeoutSeconds * 1000);
    try {
      const result = (await this.piscina.run(task, { signal, transferList: transfer as never })) as TaskResult;
      if (!(result instanceof Uint8Array) && "failed" in result) throw errors.fromWorker(result.failed);
      outcome = "ok";
      return result;
    } catch (err) {
      if (signal.aborted) outcome = "timeout";
      if (signal.aborted) throw errors.workerTimeout(task.kind === "plan" ? "the planner" : "reading the workbook", workerTimeoutSeconds);
      throw err;
    } finally {
      this.inFlight--;
      if (plan) {
        plan();
        this.context.metrics.plannerRuns.inc({ outcome });
      }
    }
  }

  /**
   * The planner's plan of a scenario, as the JSON of a Plan in UTF-8; stored by the worker when the
   * store is a file (`stored`), else left for the caller to store.
   */
  async plan(scenario: Scenario, destination: Omit<PlanDestination, "file">): Promise<{ plan: Uint8Array; stored: boolean }> {
    const db = this.context.store.db;
    const store = db.memory ? undefined : { ...destination, file: db.name };
    const plan = (await this.run({ kind: "plan", scenario, ...(store ? { store } : {}) })) as Uint8Array;
    return { plan, stored: store !== undefined };
  }

  /** The staff of an uploaded .xlsx roster, checked against `limits` first (zip bombs). */
  async roster(bytes: Buffer, options: RosterOptions, limits: XlsxLimits): Promise<Roster> {
    const copy = new Uint8Array(bytes);
    const result = await this.run({ kind: "roster", bytes: copy, options, limits }, [copy.buffer as ArrayBuffer]);
    return (result as { roster: Roster }).roster;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }
}

/** A busy pool frees up within a task's time limit at worst; ask again after a fraction of it. */
function retryAfterSeconds(timeoutSeconds: number): number {
  return Math.max(1, Math.min(30, Math.ceil(timeoutSeconds / 4)));
}



