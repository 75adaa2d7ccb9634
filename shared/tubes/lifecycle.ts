// A tube's life cycle (docs/api.md C6; docs/domain.md "Pooled sampling", "Transport"): opened at
// a desk, swabbed into up to the pool size, sealed, packed in a box, dispatched and received with
// its box, resulted by the lab. One pure state machine: the steps, the state each leads to, and why
// a step is refused. The server names each refusal's error (server/errors.ts `tubeRefused`).

export type TubeState = "open" | "sealed" | "boxed" | "dispatched" | "received" | "resulted";
export type TubeResult = "negative" | "positive" | "invalid";
export type TubeStep = "open" | "swab" | "seal" | "box" | "dispatch" | "receive" | "result";

/** The state a step starts from (null: the tube does not exist yet) and the state it leads to. */
export const TUBE_STEPS: Readonly<Record<TubeStep, { from: TubeState | null; to: TubeState }>> = {
  open: { from: null, to: "open" },
  swab: { from: "open", to: "open" },
  seal: { from: "open", to: "sealed" },
  box: { from: "sealed", to: "boxed" },
  dispatch: { from: "boxed", to: "dispatched" },
  receive: { from: "dispatched", to: "received" },
  result: { from: "received", to: "resulted" },
};

/** Why a step is refused, with what the person who must fix it needs to know. */
export type TubeRefusal =
  | { reason: "unknown" }
  | { reason: "exists" }
  | { reason: "sealed" }
  | { reason: "full"; poolSize: number }
  | { reason: "elsewhere"; point: string; desk: number }
  | { reason: "resident-in"; resident: string }
  | { reason: "not-sealed" }
  | { reason: "boxed"; box: string | null }
  | { reason: "not-at-lab"; state: TubeState }
  | { reason: "resulted"; result: TubeResult | null };

/** A tube as the life cycle needs to see it. */
export interface TubeFacts {
  state: TubeState;
  point: string;
  desk: number;
  swabs: number;
  box?: string | null;
  result?: TubeResult | null;
}

/** The steps a tube takes alone; dispatch and receipt it takes with its box (`boxStep`). */
export type TubeOwnStep = Exclude<TubeStep, "dispatch" | "receive">;

export type TubeMove = { ok: true; to: TubeState } | { ok: false; refusal: TubeRefusal };

/** Where a step is taken: the desk for swabs and seals; for a swab, the pool size and its resident. */
export interface StepAt {
  point?: string;
  desk?: number;
  poolSize?: number;
  /** The resident of a swab, and whether they have a swab in this tube already. */
  resident?: { id: string; inTube: boolean };
}

/**
 * The state a step takes a tube to, or why the step is refused. `tube` undefined: no such tube.
 * @example tubeStep(undefined, "open") // { ok: true, to: "open" }
 * @example tubeStep({ state: "sealed", point: "n", desk: 1, swabs: 10 }, "swab", { point: "n", desk: 1, poolSize: 10 }) // { ok: false, refusal: { reason: "sealed" } }
 * @example tubeStep({ state: "open", point: "n", desk: 1, swabs: 10 }, "swab", { point: "n", desk: 1, poolSize: 10 }) // { ok: false, refusal: { reason: "full", poolSize: 10 } }
 * @example tubeStep({ state: "open", point: "n", desk: 1, swabs: 3 }, "box") // { ok: false, refusal: { reason: "not-sealed" } }
 */
export function tubeStep(tube: TubeFacts | undefined, step: TubeOwnStep, at: StepAt = {}): TubeMove {
  const { from, to } = TUBE_STEPS[step];
  if (!tube) return from === null ? { ok: true, to } : refuse({ reason: "unknown" });
  if (from === null) return refuse({ reason: "exists" });
  if (tube.state !== from) return refuse(wrongState(tube, step));
  // A desk swabs into and seals only its own tubes; a tube holds at most the pool size
  // (docs/domain.md "Pooled sampling": sealed short when the line runs out, never over).
  if ((step === "swab" || step === "seal") && at.point !== undefined && (tube.point !== at.point || tube.desk !== at.desk))
    return refuse({ reason: "elsewhere", point: tube.point, desk: tube.desk });
  // One swab per resident per tube: a second scan of the same person is a mistake at the desk.
  if (step === "swab" && at.resident?.inTube) return refuse({ reason: "resident-in", resident: at.resident.id });
  if (step === "swab" && at.poolSize !== undefined && tube.swabs >= at.poolSize) return refuse({ reason: "full", poolSize: at.poolSize });
  return { ok: true, to };
}

function refuse(refusal: TubeRefusal): TubeMove {
  return { ok: false, refusal };
}

function wrongState(tube: TubeFacts, step: TubeOwnStep): TubeRefusal {
  switch (step) {
    case "swab":
    case "seal":
      return { reason: "sealed" };
    case "box":
      return tube.state === "open" ? { reason: "not-sealed" } : { reason: "boxed", box: tube.box ?? null };
    case "result":
      return tube.state === "resulted" ? { reason: "resulted", result: tube.result ?? null } : { reason: "not-at-lab", state: tube.state };
    case "open":
      return { reason: "exists" };
  }
}

export type BoxState = "packed" | "dispatched" | "received";
export type BoxStep = "dispatch" | "receive";
export type BoxRefusal = "dispatched" | "received" | "not-dispatched";

/**
 * The state a step takes a box to, or why it is refused; its tubes take the same step.
 * @example boxStep("packed", "dispatch") // { ok: true, to: "dispatched" }
 * @example boxStep("packed", "receive") // { ok: false, refusal: "not-dispatched" }
 */
export function boxStep(state: BoxState, step: BoxStep): { ok: true; to: BoxState } | { ok: false; refusal: BoxRefusal } {
  if (step === "dispatch") return state === "packed" ? { ok: true, to: "dispatched" } : { ok: false, refusal: "dispatched" };
  if (state === "dispatched") return { ok: true, to: "received" };
  return { ok: false, refusal: state === "received" ? "received" : "not-dispatched" };
}
