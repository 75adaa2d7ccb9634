// POST /api/v1/login: an access code for a token; rate-limited against guessing (docs/api.md C10).
import type { Express } from "express";
import { rateLimit } from "express-rate-limit";
import type { AppContext } from "../context.ts";
import { LoginBody } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";
import { login } from "../services/accounts.ts";
import { errors } from "../errors.ts";

const loginBody = validator(LoginBody);

/**
 * Failed sign-ins allowed per client address per minute. Only failures count: a site's phones
 * often share one address, and codes of 59 bits make guessing hopeless at this rate anyway.
 */
export const FAILED_LOGINS_PER_MINUTE = 20;

export function mountAuth(app: Express, context: AppContext): void {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: FAILED_LOGINS_PER_MINUTE,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    handler: (_req, _res, next) => next(errors.tooMany()),
  });
  app.post("/api/v1/login", limiter, (req, res) => {
    const { code } = loginBody.parse(req.body);
    res.json(login(context, code));
  });
}
