// Reading request bodies (docs/api.md C10; docs/reliability.md "Security"): a body is read only
// after its caller's token is checked, each route reads at most what it needs, and the public
// routes read none, except the sign-in (at most 1 KB). Nobody without a token can make the server
// read and parse megabytes.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { AppContext } from "../context.ts";
import { authenticate } from "../auth/guard.ts";

/** The sign-in form: a code of at most 64 characters. */
export const LOGIN_BODY_LIMIT = "1kb";
/** A desk batch (1,000 events), a box of up to 10,000 tubes, a lab's results. */
export const BATCH_BODY_LIMIT = "1mb";
/** Everything else: settings, swaps, reports, one action. */
export const SMALL_BODY_LIMIT = "16kb";

/** The body limit of a route; the scenario's is the setting `bodyLimit`. */
export function bodyLimitOf(method: string, path: string, scenarioLimit: string): string {
  if (path === "/api/v1/login") return LOGIN_BODY_LIMIT;
  if ((method === "POST" && path === "/api/v1/sites") || (method === "PUT" && /^\/api\/v1\/sites\/[^/]+\/scenario$/.test(path))) return scenarioLimit;
  if (method === "POST" && /^\/api\/v1\/sites\/[^/]+\/(desk-events|boxes|results)$/.test(path)) return BATCH_BODY_LIMIT;
  return SMALL_BODY_LIMIT;
}

/** Whether a request comes with a body (a length above 0, or chunked). */
function hasBody(req: Request): boolean {
  if (req.headers["transfer-encoding"] !== undefined) return true;
  const length = req.headers["content-length"];
  return length !== undefined && length !== "0";
}

export function bodyParsing(context: AppContext): RequestHandler {
  const parsers = new Map<string, RequestHandler>();
  const json = (limit: string) => {
    let parser = parsers.get(limit);
    if (!parser) parsers.set(limit, (parser = express.json({ limit, strict: false })));
    return parser;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    // GET, HEAD and OPTIONS take no body: whatever comes is left unread.
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS" || !hasBody(req)) return next();
    if (req.path !== "/api/v1/login") authenticate(context, req); // 401 before a byte of the body is read
    json(bodyLimitOf(req.method, req.path, context.config.bodyLimit))(req, res, next);
  };
}
