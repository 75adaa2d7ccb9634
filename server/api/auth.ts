// POST /api/v1/login: an access code for a token; guarded against guessing (docs/api.md C10;
// docs/reliability.md "Security" has the arithmetic). Failures are counted per client address over
// a long window: a few are free (many phones share a carrier's address, and people mistype), then
// each further attempt from that address waits a little longer, and only past a high ceiling are
// attempts refused. The address is the connection's own unless TENFOLD_TRUST_PROXY names the proxy.
import type { Express, Request } from "express";
import type { AppContext } from "../app.ts";
import { LoginBody } from "./schemas/shapes.ts";
import { validator } from "./schemas/validator.ts";
import { login } from "../services/accounts.ts";
import { errors } from "../errors.ts";

const loginBody = validator(LoginBody);

export interface LoginLimits {
  /** How far back failures count. */
  windowMs: number;
  /** Failures in the window before attempts slow down. */
  freeFailures: number;
  /** Each failure past the free ones adds this much wait to the next attempt… */
  delayStepMs: number;
  /** …up to this much. */
  maxDelayMs: number;
  /** Failures in the window after which attempts are refused (429 with Retry-After). */
  refuseAfter: number;
}

/** 15 minutes; 10 free failures; then +250 ms each, at most 3 s; refused from the 100th. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60_000, freeFailures: 10, delayStepMs: 250, maxDelayMs: 3000, refuseAfter: 100 };

/** Failed sign-ins per address, over a sliding window. */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: LoginLimits) {}

  private recent(address: string, now: number): number[] {
    const list = (this.failures.get(address) ?? []).filter((at) => at > now - this.limits.windowMs);
    if (list.length) this.failures.set(address, list);
    else this.failures.delete(address);
    return list;
  }

  /** What an attempt from `address` must do now: wait `delayMs`, or be refused for `retryAfterSeconds`. */
  check(address: string, now: number): { delayMs: number; retryAfterSeconds?: number } {
    const list = this.recent(address, now);
    if (list.length >= this.limits.refuseAfter) return { delayMs: 0, retryAfterSeconds: Math.max(1, Math.ceil((list[0] + this.limits.windowMs - now) / 1000)) };
    const over = list.length - this.limits.freeFailures + 1;
    return { delayMs: over > 0 ? Math.min(this.limits.maxDelayMs, over * this.limits.delayStepMs) : 0 };
  }

  fail(address: string, now: number): void {
    const list = this.recent(address, now);
    // Kept at the ceiling: memory per address is bounded.
    list.push(now);
    if (list.length > this.limits.refuseAfter) list.shift();
    this.failures.set(address, list);
    if (this.failures.size > 100_000) for (const key of this.failures.keys()) this.recent(key, now);
  }
}

export function mountAuth(app: Express, context: AppContext): void {
  const limiter = new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, ...context.config.loginLimits });
  const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";
  app.post("/api/v1/login", async (req, res) => {
    const address = addressOf(req);
    const { delayMs, retryAfterSeconds } = limiter.check(address, context.clock.now());
    if (retryAfterSeconds !== undefined) throw errors.tooManyLogins(retryAfterSeconds);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    try {
      const { code } = loginBody.parse(req.body);
      res.json(login(context, code));
    } catch (err) {
      limiter.fail(address, context.clock.now());
      throw err;
    }
  });
}
