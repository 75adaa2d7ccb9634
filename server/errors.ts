// One catalogue of coded errors (STYLE.md, after Fastify's lib/errors.js): handlers throw these,
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
  internal: () => new TenfoldError(500, "INTERNAL", "something went wrong on the server; the request changed nothing"),
} as const;
