// Signed, expiring sign-in tokens (docs/api.md C10): the account and its expiry, base64url JSON,
// signed with HMAC-SHA256 under a secret the store keeps; compared in constant time.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { calendarCredential, credentialOf, type Account } from "../store/codes.ts";
import type { Store } from "../store/index.ts";

export interface TokenClaims extends Account {
  /** Issued at and expires at, milliseconds since the epoch. */
  iat: number;
  exp: number;
  /** The version of the credential (store/codes.ts) the token came from; absent in tokens signed before versions existed (0). */
  ver?: number;
  /** "calendar": a read-only link to one person's calendar, good for nothing else. */
  use?: "calendar";
  /** A calendar link's own version (it is revoked on its own). */
  lver?: number;
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
 * @example verifyToken(signToken({ role: "lab", site: "yiyuan", staff: null }, Buffer.from("k"), 0, 3600), Buffer.from("k"), 60_000) // { role: "lab", site: "yiyuan", staff: null, iat: 0, exp: 3600000, ver: 0 }
 */
export function signToken(account: Account, secret: Buffer, now: number, ttlSeconds: number, version = 0, link?: { lver: number }): string {
  const claims: TokenClaims = { role: account.role, site: account.site, staff: account.staff, iat: now, exp: now + ttlSeconds * 1000, ver: version, ...(link ? { use: "calendar" as const, lver: link.lver } : {}) };
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

/** A token signed under the credential's version as it stands (`ver` 0 before the first rotation). */
export function signAccountToken(store: Store, account: Account, now: number, ttlSeconds: number): string {
  return signToken(account, tokenSecret(store), now, ttlSeconds, store.codes.version(credentialOf(account)));
}

/**
 * The claims of a sign-in token that is valid now: signed, unexpired, not a calendar link, and
 * from the credential's current version (a rotated code or a removed person's tokens are refused).
 */
export function verifyAccountToken(store: Store, token: unknown, now: number): TokenClaims | undefined {
  const claims = verifyToken(token, tokenSecret(store), now);
  if (!claims || claims.use !== undefined) return undefined;
  return (claims.ver ?? 0) === store.codes.version(credentialOf(claims)) ? claims : undefined;
}

/** How long a calendar link lasts: a calendar app subscribes once and polls for months. */
export const CALENDAR_LINK_TTL_SECONDS = 180 * 24 * 3600;

/** A read-only link token for one person's calendar (docs/api.md "Exports"). */
export function signCalendarLink(store: Store, site: string, staff: string, now: number): string {
  const account: Account = { role: "staff", site, staff };
  const version = store.codes.version(credentialOf(account));
  return signToken(account, tokenSecret(store), now, CALENDAR_LINK_TTL_SECONDS, version, { lver: store.codes.version(calendarCredential(site, staff)) });
}

/** The claims of a calendar link valid now: its own version and the person's credential both current. */
export function verifyCalendarLink(store: Store, token: unknown, now: number): TokenClaims | undefined {
  const claims = verifyToken(token, tokenSecret(store), now);
  if (!claims || claims.use !== "calendar" || claims.role !== "staff" || !claims.site || !claims.staff) return undefined;
  if ((claims.ver ?? 0) !== store.codes.version(credentialOf(claims))) return undefined;
  return claims.lver === store.codes.version(calendarCredential(claims.site, claims.staff)) ? claims : undefined;
}
