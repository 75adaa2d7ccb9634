// The figures that need no server: the planner on a district (time, and peak RSS of a process that
// does nothing else) and the rotation's people against the MILP optimum; each in its own child.
import { forkBench, ask, serveParent, stopChild } from "./child.ts";
import type { PlannerBench } from "./planner.ts";
import type { MilpInstance } from "./rotation-milp.ts";

export interface RotationQuality {
  instances: number;
  /** Instances where HiGHS proved the optimum in time (the others compare with the LP bound). */
  proven: number;
  rotationPeople: number;
  optimumPeople: number;
  /** Rotation people over the optimum: 1 is optimal. */
  ratio: number;
  worst: { name: string; rotation: number; optimum: number };
}

async function inChild<T>(role: string, timeoutMs: number): Promise<T> {
  const proc = forkBench(new URL(import.meta.url), role);
  try {
    return await ask<T>(proc, { run: true }, timeoutMs);
  } finally {
    await stopChild(proc);
  }
}

export const benchPlannerAlone = () => inChild<PlannerBench>("--planner-child", 120_000);

export async function benchRotationQuality(): Promise<RotationQuality> {
  const { instances, ratio } = await inChild<{ instances: MilpInstance[]; ratio: number }>("--milp-child", 240_000);
  const worst = instances.reduce((a, b) => (b.rotation / b.optimum > a.rotation / a.optimum ? b : a));
  return {
    instances: instances.length,
    proven: instances.filter((x) => x.proven).length,
    rotationPeople: instances.reduce((s, x) => s + x.rotation, 0),
    optimumPeople: instances.reduce((s, x) => s + x.optimum, 0),
    ratio,
    worst: { name: worst.name, rotation: worst.rotation, optimum: worst.optimum },
  };
}

if (process.argv.includes("--planner-child")) serveParent(async () => (await import("./planner.ts")).benchPlanner());
if (process.argv.includes("--milp-child")) serveParent(async () => (await import("./rotation-milp.ts")).rotationMilp());
