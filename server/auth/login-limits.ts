// How failed sign-ins are limited per client address (docs/reliability.md "Security"): its own
// module so that the settings (server/config.ts) and the sign-in route share the shape.

export interface LoginLimits {
  /** How far back failures count. */
  windowMs: number;
  /** Failures in the window before attempts slow down. */
  freeFailures: number;
  /** Each failure past the free ones adds this much to the wait before the next attempt… */
  delayStepMs: number;
  /** …up to this much. */
  maxDelayMs: number;
  /** Failures in the window after which attempts are refused (429 with Retry-After). */
  refuseAfter: number;
}

/** 15 minutes; 10 free failures; then 1 s more between attempts per failure, at most 5 s; refused from the 100th. */
export const DEFAULT_LOGIN_LIMITS: LoginLimits = { windowMs: 15 * 60_000, freeFailures: 10, delayStepMs: 1000, maxDelayMs: 5000, refuseAfter: 100 };
