// POST /api/v1/login: an access code for a token; guarded against guessing (docs/api.md C10;
// docs/reliability.md "Security" has the arithmetic). Failures are counted per client address over
// a long window: a few are free (many phones share a carrier's address, and people mistype); then
// attempts from that address must come further and further apart (one sooner is answered 429 with
// the seconds to wait, before its code is looked at, and nothing is held open meanwhile); past a
// high ceiling every attempt is refused until the window moves on. The address is the
// connection's own unless TENFOLD_TRUST_PROXY names the proxy.
import type { Express, Request } from "express";
import type { AppContext } from "../context.ts";
import { LoginBody } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";
import { login } from "../services/accounts.ts";
import { errors } from "../errors.ts";
import { DEFAULT_LOGIN_LIMITS, type LoginLimits } from "../auth/login-limits.ts";

const loginBody = validator(LoginBody);

export { DEFAULT_LOGIN_LIMITS, type LoginLimits };

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

  /** Undefined when an attempt from `address` may be judged now; else the seconds it must wait. */
  check(address: string, now: number): number | undefined {
    const list = this.recent(address, now);
    if (list.length >= this.limits.refuseAfter) return Math.max(1, Math.ceil((list[0] + this.limits.windowMs - now) / 1000));
    const over = list.length - this.limits.freeFailures + 1;
    if (over <= 0) return undefined;
    const gap = Math.min(this.limits.maxDelayMs, over * this.limits.delayStepMs);
    const ready = list[list.length - 1] + gap;
    return now < ready ? Math.max(1, Math.ceil((ready - now) / 1000)) : undefined;
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
  app.post("/api/v1/login", (req, res) => {
    const address = addressOf(req);
    const wait = limiter.check(address, context.clock.now());
    if (wait !== undefined) throw errors.tooManyLogins(wait);
    try {
      const { code } = loginBody.parse(req.body);
      res.json(login(context, code));
    } catch (err) {
      limiter.fail(address, context.clock.now());
      throw err;
    }
  });
}
