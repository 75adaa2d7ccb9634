// Signed, expiring sign-in tokens (docs/api.md C10): the account and its expiry, base64url JSON,
// signed with HMAC-SHA256 under a secret the store keeps; compared in constant time.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Account } from "../store/codes.ts";
import type { Store } from "../store/index.ts";

export interface TokenClaims extends Account {
  /** Issued at and expires at, milliseconds since the epoch. */
  iat: number;
  exp: number;
}

const SECRET_KEY = "token-secret";

/** The signing secret: made once per store, so tokens survive a restart and die with the file. */
export function tokenSecret(store: Store): Buffer {
  let secret = secrets.get(store);
  if (!secret) {
    secret = Buffer.from(store.meta.getOrCreate(SECRET_KEY, () => randomBytes(32).toString("base64")), "base64");
    secrets.set(store, secret);
  }
  return secret;
}

const secrets = new WeakMap<Store, Buffer>();

function signature(body: string, secret: Buffer): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}

/**
 * A token for an account, valid for `ttlSeconds` from `now`.
 * @example signToken({ role: "lab", site: "yiyuan", staff: null }, secret, 0, 3600) // "eyJyb2xlIjoi….Xk3…"
 */
export function signToken(account: Account, secret: Buffer, now: number, ttlSeconds: number): string {
  const claims: TokenClaims = { role: account.role, site: account.site, staff: account.staff, iat: now, exp: now + ttlSeconds * 1000 };
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${signature(body, secret)}`;
}

/** The claims of a valid, unexpired token; undefined for anything else. */
export function verifyToken(token: unknown, secret: Buffer, now: number): TokenClaims | undefined {
  if (typeof token !== "string" || token.length > 2000) return undefined;
  const dot = token.indexOf(".");
  if (dot <= 0) return undefined;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = Buffer.from(signature(body, secret), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenClaims;
  } catch {
    return undefined;
  }
  if (typeof claims.exp !== "number" || claims.exp <= now) return undefined;
  if (!["lead", "staff", "lab"].includes(claims.role)) return undefined;
  return claims;
}
