// What runs in the worker threads (docs/reliability.md "Security"): the planner and the reading of
// .xlsx files, the two jobs whose time grows with the input. Errors come back as plain data (a
// class does not cross threads), and the main thread turns them into the catalogue's errors.
import type { Scenario } from "../../shared/scenario/schema.ts";
import type { Roster, RosterOptions } from "../../shared/roster/rows.ts";
import { makePlan } from "../../shared/plan/make.ts";
import { setPriority } from "node:os";
import { move } from "piscina";
import { openDatabase } from "../store/db.ts";
import { PlanStore } from "../store/plans.ts";
import { rosterFromXlsx, type XlsxLimits } from "./xlsx.ts";

export type WorkerTask =
  | { kind: "plan"; scenario: Scenario; store?: PlanDestination }
  | { kind: "roster"; bytes: Uint8Array; options: RosterOptions; limits: XlsxLimits };

/** Where a worker stores the plan it made: the store's file (a `:memory:` store is written by the main thread). */
export interface PlanDestination {
  file: string;
  site: string;
  id: string;
  at: number;
}

export interface TaskFailure {
  failed: { status: number; code: string; message: string };
}

/**
 * A plan comes back as its JSON text in UTF-8 bytes, moved (not copied) to the main thread, which
 * sends them as they are: no 10 MB string is parsed, encoded or collected there.
 */
export type TaskResult = Uint8Array | { roster: Roster } | TaskFailure;

// Below the event loop's thread: on Linux a nice value is per thread, and pid 0 names the calling
// one. On a busy machine the thread answering /healthz, desks and pushes then wins the CPU.
try {
  setPriority(0, 10);
} catch {
  /* not allowed here: run at the default priority */
}

/** This thread's own connection to each store file (WAL: its write waits its turn, busy_timeout). */
const connections = new Map<string, PlanStore>();

/**
 * Writes the plan from here: ~10 MB committed with synchronous=FULL takes 75–300 ms, time the main
 * thread's event loop would otherwise stand still.
 */
function store(to: PlanDestination, body: string): void {
  let plans = connections.get(to.file);
  if (!plans) connections.set(to.file, (plans = new PlanStore(openDatabase(to.file))));
  plans.insertJson(to.id, to.site, body, to.at);
}

export async function runTask(task: WorkerTask): Promise<TaskResult> {
  try {
    if (task.kind === "plan") {
      const plan = JSON.stringify(makePlan(task.scenario));
      if (task.store) store(task.store, plan);
      return move(new TextEncoder().encode(plan)) as Uint8Array;
    }
    return { roster: await rosterFromXlsx(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.options, task.limits) };
  } catch (err) {
    const e = err as { status?: unknown; code?: unknown; message?: unknown };
    if (typeof e.status === "number" && typeof e.code === "string") return { failed: { status: e.status, code: e.code, message: String(e.message) } };
    throw err;
  }
}
