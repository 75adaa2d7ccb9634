// One closed catalogue of coded errors (the style guide, after Fastify's lib/errors.js): one named
// factory per code, each with its status and its one message. Handlers throw these; one middleware
// renders them as `{error: {code, message, path?}}`, and socket acknowledgements carry the same body.
import type { Problem } from "../shared/scenario/problems.ts";
import type { TubeRefusal } from "../shared/tubes/lifecycle.ts";
import type { ErrorBody } from "../shared/live/shapes.ts";

export type { ErrorBody };

export class TenfoldError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "TenfoldError";
  }

  /** The code, message and path, without the details. */
  body(path = this.path): ErrorBody {
    return { code: this.code, message: this.message, ...(path ? { path } : {}) };
  }

  toJSON(): { error: Record<string, unknown> } {
    return { error: { ...this.body(), ...this.details } };
  }

  /** A refused socket request's acknowledgement (docs/api.md "Socket.IO"). */
  toAck(): { ok: false; error: ErrorBody } {
    return { ok: false, error: this.body() };
  }
}

const problemText = (problems: Problem[]) => problems.map((p) => `${p.path}: ${p.message}`).join("; ");

/** The catalogue: every error a client can see, one factory per code. */
export const errors = {
  /** 400: the input breaks its schema; every problem is listed, the first one's path on top. */
  invalidInput: (problems: Problem[]) => new TenfoldError(400, "INVALID_INPUT", problemText(problems), problems[0]?.path, { problems }),
  /** 400 for one input field the schema cannot judge (e.g. a point the site does not have). */
  invalidField: (path: string, message: string) => errors.invalidInput([{ path, message }]),
  malformedJson: () => new TenfoldError(400, "MALFORMED_JSON", "the body is not valid JSON"),
  /** 400: the body could not be read (body-parser's own message says why). */
  badBody: (why: string) => new TenfoldError(400, "BAD_BODY", why),
  /** 4xx: a request the router or the decompressor could not read (its own status and message). */
  badRequest: (status: number, why: string) => new TenfoldError(status, "BAD_REQUEST", why),
  notXlsx: (why: string) => new TenfoldError(400, "NOT_XLSX", why),
  unsupportedMediaType: () =>
    new TenfoldError(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as JSON with Content-Type: application/json"),
  unauthenticated: () =>
    new TenfoldError(401, "UNAUTHENTICATED", "sign in first: send Authorization: Bearer TOKEN from POST /api/v1/login"),
  badToken: () => new TenfoldError(401, "BAD_TOKEN", "the token is invalid or has expired; sign in again"),
  badCode: () => new TenfoldError(401, "BAD_CODE", "that access code is not known", "$.code"),
  forbidden: (why: string) => new TenfoldError(403, "FORBIDDEN", why),
  notFound: (what: string, path?: string) => new TenfoldError(404, "NOT_FOUND", `${what} not found`, path),
  noPlan: (site: string) =>
    new TenfoldError(404, "NO_PUBLISHED_PLAN", `site "${site}" has no published plan yet; the lead makes one and publishes it`),
  tooLarge: (limit: string) => new TenfoldError(413, "TOO_LARGE", `the body is larger than ${limit}`),
  tooMany: () => new TenfoldError(429, "TOO_MANY_REQUESTS", "too many requests; wait a minute and try again"),

  siteExists: (site: string) => new TenfoldError(409, "SITE_EXISTS", `a site with id "${site}" exists already; choose another site.id`),

  // Tubes (docs/api.md C6; their life cycle: shared/tubes/lifecycle.ts).
  tubeUnknown: (tube: string, path = "$.tube") =>
    new TenfoldError(409, "TUBE_UNKNOWN", `tube "${tube}" is not known at this site: check its label, or open it at a desk first`, path),
  tubeExists: (tube: string, path = "$.tube") =>
    new TenfoldError(409, "TUBE_EXISTS", `tube "${tube}" is open already or was used; scan a new tube`, path),
  tubeSealed: (tube: string, path = "$.tube") => new TenfoldError(409, "TUBE_SEALED", `tube "${tube}" is sealed; swab into an open tube`, path),
  tooManyLogins: (retryAfterSeconds: number) =>
    new TenfoldError(
      429,
      "TOO_MANY_REQUESTS",
      `too many failed sign-ins from this address; try again in ${retryAfterSeconds < 60 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`}`,
      undefined,
      { retryAfterSeconds },
    ),
  workersBusy: (retryAfterSeconds: number) =>
    new TenfoldError(503, "WORKERS_BUSY", `the server is planning or reading other files; try again in ${retryAfterSeconds} s`, undefined, { retryAfterSeconds }),
  workerTimeout: (what: string, seconds: number) =>
    new TenfoldError(503, "WORKER_TIMEOUT", `${what} took longer than ${seconds} s and was stopped; try a smaller scenario or file`),
  fromWorker: (failed: { status: number; code: string; message: string }) => new TenfoldError(failed.status, failed.code, failed.message),
  workbookTooLarge: (bytes: number) =>
    new TenfoldError(413, "XLSX_TOO_LARGE", `the workbook expands to more than ${Math.round(bytes / 1e6)} MB; send a smaller file`),
  workbookTooManyRows: (rows: number) => new TenfoldError(413, "XLSX_TOO_MANY_ROWS", `the workbook has more than ${rows} rows; send a smaller file`),
  swapAlreadyOffered: (swap: string) =>
    new TenfoldError(409, "SWAP_ALREADY_OFFERED", `this assignment is already offered to that person (swap "${swap}"); wait for an answer or withdraw it`, "$.assignment", { swap }),
  tooManySwapOffers: (limit: number, retryAfterSeconds: number) =>
    new TenfoldError(429, "TOO_MANY_SWAP_OFFERS", `at most ${limit} swap offers an hour per person; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, undefined, { retryAfterSeconds }),
  /** 409: the tube is full; the desk must open a new tube for the next resident. */
  tubeFull: (tube: string, poolSize: number, path = "$.tube") =>
    new TenfoldError(409, "TUBE_FULL", `tube "${tube}" already holds ${poolSize} swabs (the pool size): seal it and open a new tube`, path),
  tubeElsewhere: (tube: string, point: string, desk: number, path = "$.tube") =>
    new TenfoldError(409, "TUBE_AT_OTHER_DESK", `tube "${tube}" was opened at ${point} desk ${desk}; swab into a tube of this desk`, path),
  tubeNotSealed: (tube: string, path = "$.tube") =>
    new TenfoldError(409, "TUBE_NOT_SEALED", `tube "${tube}" is still open; seal it before boxing`, path),
  tubeBoxed: (tube: string, box: string | null, path = "$.tube") =>
    new TenfoldError(409, "TUBE_BOXED", `tube "${tube}" is already in box "${box}"`, path),
  tubeNotAtLab: (tube: string, state: string, path = "$.tube") =>
    new TenfoldError(409, "TUBE_NOT_AT_LAB", `tube "${tube}" has not been received by the lab (it is ${state})`, path),
  resultExists: (tube: string, result: string | null, path = "$.tube") =>
    new TenfoldError(409, "RESULT_EXISTS", `tube "${tube}" already has the result ${result}; results are not overwritten`, path),
  residentInTube: (resident: string, tube: string) =>
    new TenfoldError(409, "RESIDENT_ALREADY_IN_TUBE", `this resident is already in tube "${tube}"`, "$.resident"),
  duplicateEventId: (id: string) =>
    new TenfoldError(409, "EVENT_ID_REUSED", `event id "${id}" was applied before with other content; give each event its own id`, "$.id"),

  // Boxes.
  boxOverCapacity: (capacity: number, listed: number) =>
    new TenfoldError(409, "BOX_OVER_CAPACITY", `a box holds at most ${capacity} tubes; this one lists ${listed}`, "$.tubes"),
  boxExists: (box: string) => new TenfoldError(409, "BOX_EXISTS", `box "${box}" exists already; label a new box`, "$.id"),
  boxDispatched: (box: string) => new TenfoldError(409, "BOX_DISPATCHED", `box "${box}" was dispatched already`),
  boxReceived: (box: string) => new TenfoldError(409, "BOX_RECEIVED", `box "${box}" was received already`),
  boxNotDispatched: (box: string) =>
    new TenfoldError(409, "BOX_NOT_DISPATCHED", `box "${box}" has not been dispatched; the courier dispatches it first`),

  // Rotation: swaps and relief (docs/api.md C5).
  /** 409: a rotation rule the change would break, named. */
  ruleBroken: (rule: string, message: string) => new TenfoldError(409, "RULE_BROKEN", message, undefined, { rule }),
  assignmentPast: () =>
    new TenfoldError(409, "ASSIGNMENT_PAST", "that assignment is over; only current and future ones can be swapped", "$.assignment"),
  swapNotProposed: (state: string) => new TenfoldError(409, "SWAP_NOT_PROPOSED", `the swap is ${state}, not waiting for acceptance`),
  swapNotAccepted: (state: string, to: string) =>
    new TenfoldError(409, "SWAP_NOT_ACCEPTED", `the swap is ${state}; it must be accepted by ${to} first`),
  swapDecided: (state: string) => new TenfoldError(409, "SWAP_DECIDED", `the swap was ${state} already`),
  planChanged: () => new TenfoldError(409, "PLAN_CHANGED", "a new plan was published since the swap was proposed; propose it again"),
  notAtDesk: (staff: string) => new TenfoldError(409, "NOT_AT_A_DESK", `${staff} is not at a desk now; relief is for someone on a desk`),

  /** 503: several nodes (live/redis.ts), and the one holding the site did not answer in time. */
  siteNodeUnavailable: (site: string) =>
    new TenfoldError(503, "SITE_NODE_UNAVAILABLE", `the node holding site "${site}" did not answer; try again shortly`),
  planUnavailable: () => new TenfoldError(503, "PLANNER_UNAVAILABLE", "the planner is not available on this server; try again later"),
  internal: () => new TenfoldError(500, "INTERNAL", "something went wrong on the server; the request changed nothing"),
} as const;

/** Warnings on a write that was applied: coded like errors, listed here for the same reason. */
export const flags = {
  /** docs/domain.md "Pooled sampling": a resident bound to the wrong tube is a common failure; the swab is kept. */
  residentInTwoTubes: (others: string[]) => ({
    code: "RESIDENT_IN_TWO_TUBES",
    message: `this resident is also in open tube(s) ${others.join(", ")}; the lead is told`,
    tubes: others,
  }),
  /** A swab naming a building the site does not have: kept, and the lead is told. */
  unknownBuilding: (building: string) => ({
    code: "UNKNOWN_BUILDING",
    message: `site has no building "${building}"; the swab is kept and the lead is told`,
  }),
  /** A resident swabbed again the same day after a tube of theirs was sealed (shared/tubes/resampled.ts). */
  residentSwabbedAgain: (earlier: string[]) => ({
    code: "RESIDENT_SWABBED_AGAIN",
    message: `this resident was already swabbed today into sealed tube(s) ${earlier.join(", ")}; the lead is told`,
    tubes: earlier,
  }),
} as const;

/** The catalogued error for a step the tube life cycle refuses (shared/tubes/lifecycle.ts). */
export function tubeRefused(refusal: TubeRefusal, tube: string, path = "$.tube"): TenfoldError {
  switch (refusal.reason) {
    case "unknown":
      return errors.tubeUnknown(tube, path);
    case "exists":
      return errors.tubeExists(tube, path);
    case "sealed":
      return errors.tubeSealed(tube, path);
    case "full":
      return errors.tubeFull(tube, refusal.poolSize, path);
    case "elsewhere":
      return errors.tubeElsewhere(tube, refusal.point, refusal.desk, path);
    case "resident-in":
      return errors.residentInTube(refusal.resident, tube);
    case "not-sealed":
      return errors.tubeNotSealed(tube, path);
    case "boxed":
      return errors.tubeBoxed(tube, refusal.box, path);
    case "not-at-lab":
      return errors.tubeNotAtLab(tube, refusal.state, path);
    case "resulted":
      return errors.resultExists(tube, refusal.result, path);
  }
}
