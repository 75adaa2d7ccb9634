// One catalogue of coded errors (the style guide, after Fastify's lib/errors.js): handlers throw these,
// one middleware renders them as `{error: {code, message, path?}}` with the status they carry.
import type { Problem } from "../shared/scenario/problems.ts";

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

  toJSON(): { error: Record<string, unknown> } {
    return { error: { code: this.code, message: this.message, ...(this.path ? { path: this.path } : {}), ...this.details } };
  }
}

/** The catalogue: every error a client can see, by code. */
export const errors = {
  /** 400: the input breaks its schema; every problem is listed, the first one's path on top. */
  invalidInput: (problems: Problem[]) =>
    new TenfoldError(
      400,
      "INVALID_INPUT",
      problems.map((p) => `${p.path}: ${p.message}`).join("; "),
      problems[0]?.path,
      { problems },
    ),
  malformedJson: () => new TenfoldError(400, "MALFORMED_JSON", "the body is not valid JSON"),
  unsupportedMediaType: () =>
    new TenfoldError(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as JSON with Content-Type: application/json"),
  unauthenticated: () =>
    new TenfoldError(401, "UNAUTHENTICATED", "sign in first: send Authorization: Bearer TOKEN from POST /api/v1/login"),
  badToken: () => new TenfoldError(401, "BAD_TOKEN", "the token is invalid or has expired; sign in again"),
  badCode: () => new TenfoldError(401, "BAD_CODE", "that access code is not known", "$.code"),
  forbidden: (why: string) => new TenfoldError(403, "FORBIDDEN", why),
  notFound: (what: string) => new TenfoldError(404, "NOT_FOUND", `${what} not found`),
  conflict: (code: string, message: string, details?: Record<string, unknown>) =>
    new TenfoldError(409, code, message, undefined, details),
  tooLarge: (limit: string) => new TenfoldError(413, "TOO_LARGE", `the body is larger than ${limit}`),
  tooMany: () => new TenfoldError(429, "TOO_MANY_REQUESTS", "too many requests; wait a minute and try again"),
  /** 429: too many failed sign-ins from this address lately; Retry-After says when the oldest counts no more. */
  tooManyLogins: (retryAfterSeconds: number) =>
    new TenfoldError(
      429,
      "TOO_MANY_REQUESTS",
      `too many failed sign-ins from this address; try again in ${retryAfterSeconds < 60 ? `${retryAfterSeconds} s` : `${Math.ceil(retryAfterSeconds / 60)} min`}`,
      undefined,
      { retryAfterSeconds },
    ),
  /** 400 for one input field the schema cannot judge (e.g. a point the site does not have). */
  invalidField: (path: string, message: string) =>
    new TenfoldError(400, "INVALID_INPUT", `${path}: ${message}`, path, { problems: [{ path, message }] }),
  noPlan: (site: string) =>
    new TenfoldError(404, "NO_PUBLISHED_PLAN", `site "${site}" has no published plan yet; the lead makes one and publishes it`),
  /** 503: several nodes (live/redis.ts), and the one holding the site did not answer in time. */
  siteNodeUnavailable: (site: string) =>
    new TenfoldError(503, "SITE_NODE_UNAVAILABLE", `the node holding site "${site}" did not answer; try again shortly`),
  planUnavailable: () =>
    new TenfoldError(503, "PLANNER_UNAVAILABLE", "the planner is not available on this server; try again later"),
  /** 503: the worker threads (planner, .xlsx) are all busy and their queue is full; Retry-After says when to ask again. */
  workersBusy: (retryAfterSeconds: number) =>
    new TenfoldError(503, "WORKERS_BUSY", `the server is planning or reading other files; try again in ${retryAfterSeconds} s`, undefined, { retryAfterSeconds }),
  /** 503: a planner run or a workbook read went past its time limit (config workerTimeoutSeconds) and was stopped. */
  workerTimeout: (what: string, seconds: number) =>
    new TenfoldError(503, "WORKER_TIMEOUT", `${what} took longer than ${seconds} s and was stopped; try a smaller scenario or file`),
  /** An error a worker thread raised from this catalogue, rebuilt on the main thread (a class does not cross threads). */
  fromWorker: (failed: { status: number; code: string; message: string }) => new TenfoldError(failed.status, failed.code, failed.message),
  /** 400: an upload that is not an .xlsx workbook. */
  notXlsx: (message: string) => new TenfoldError(400, "NOT_XLSX", message),
  /** 413: an .xlsx that inflates past the limit (a zip bomb, or simply too big). */
  workbookTooLarge: (bytes: number) =>
    new TenfoldError(413, "XLSX_TOO_LARGE", `the workbook expands to more than ${Math.round(bytes / 1e6)} MB; send a smaller file`),
  /** 413: an .xlsx with more rows than any roster has. */
  workbookTooManyRows: (rows: number) => new TenfoldError(413, "XLSX_TOO_MANY_ROWS", `the workbook has more than ${rows} rows; send a smaller file`),
  /** 409: the same assignment is already offered to the same person and the offer is still open. */
  swapAlreadyOffered: (swap: string) =>
    new TenfoldError(409, "SWAP_ALREADY_OFFERED", `this assignment is already offered to that person (swap "${swap}"); wait for an answer or withdraw it`, "$.assignment", { swap }),
  /** 429: one person's swap offers in the last hour reached the limit. */
  tooManySwapOffers: (limit: number, retryAfterSeconds: number) =>
    new TenfoldError(429, "TOO_MANY_SWAP_OFFERS", `at most ${limit} swap offers an hour per person; try again in ${Math.ceil(retryAfterSeconds / 60)} min`, undefined, { retryAfterSeconds }),
  /** 409: the tube is full; the desk must open a new tube for the next resident. */
  tubeFull: (tube: string, poolSize: number) =>
    new TenfoldError(409, "TUBE_FULL", `tube "${tube}" already holds ${poolSize} swabs (the pool size): seal it and open a new tube`, "$.tube"),
  tubeSealed: (tube: string) =>
    new TenfoldError(409, "TUBE_SEALED", `tube "${tube}" is sealed; swab into an open tube`, "$.tube"),
  tubeUnknown: (tube: string) =>
    new TenfoldError(409, "TUBE_UNKNOWN", `tube "${tube}" was never opened; send its tube.open first`, "$.tube"),
  tubeExists: (tube: string) =>
    new TenfoldError(409, "TUBE_EXISTS", `tube "${tube}" is open already or was used; scan a new tube`, "$.tube"),
  tubeElsewhere: (tube: string, point: string, desk: number) =>
    new TenfoldError(409, "TUBE_AT_OTHER_DESK", `tube "${tube}" was opened at ${point} desk ${desk}; swab into a tube of this desk`, "$.tube"),
  residentInTube: (resident: string, tube: string) =>
    new TenfoldError(409, "RESIDENT_ALREADY_IN_TUBE", `this resident is already in tube "${tube}"`, "$.resident"),
  duplicateEventId: (id: string) =>
    new TenfoldError(409, "EVENT_ID_REUSED", `event id "${id}" was applied before with other content; give each event its own id`, "$.id"),
  /** 409: a state conflict named by its own code, e.g. BOX_NOT_DISPATCHED. */
  state: (code: string, message: string, path?: string) => new TenfoldError(409, code, message, path),
  /** 409: a rotation rule the change would break, named. */
  ruleBroken: (rule: string, message: string) => new TenfoldError(409, "RULE_BROKEN", message, undefined, { rule }),
  internal: () => new TenfoldError(500, "INTERNAL", "something went wrong on the server; the request changed nothing"),
} as const;
