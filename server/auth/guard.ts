// Every route states who may call it (docs/api.md C10): a role list and whether the caller must
// belong to the site in the path. The lead's account spans all sites; staff and lab hold one.
import type { NextFunction, Request, Response } from "express";
import type { AppContext } from "../context.ts";
import type { AccountRole } from "../store/codes.ts";
import type { SiteRecord } from "../store/sites.ts";
import { errors } from "../errors.ts";
import { verifyAccountToken, verifyCalendarLink, type TokenClaims } from "./tokens.ts";

declare module "express-serve-static-core" {
  interface Request {
    account?: TokenClaims;
  }
}

export interface GuardOptions {
  /**
   * Also accept a calendar link token as `?token=` (calendar apps cannot send headers); a sign-in
   * token there is refused, so the bearer token never sits in a calendar app or a URL.
   */
  queryToken?: boolean;
}

/** The bearer token of a request, from the header. */
function tokenOf(req: Request): string | undefined {
  const header = req.get("authorization");
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? m[1] : "";
  }
  return undefined;
}

/** The claims of the caller, or a 401. */
export function authenticate(context: AppContext, req: Request, options: GuardOptions = {}): TokenClaims {
  const token = tokenOf(req);
  if (token === undefined && options.queryToken && typeof req.query.token === "string") {
    const link = verifyCalendarLink(context.store, req.query.token, context.clock.now());
    if (!link) throw errors.badToken();
    return link;
  }
  if (token === undefined) throw errors.unauthenticated();
  const claims = verifyAccountToken(context.store, token, context.clock.now());
  if (!claims) throw errors.badToken();
  return claims;
}

/**
 * Middleware: the caller signed in, holds one of `roles`, and (for a path with `:site`) belongs
 * to that site; an unknown site is a 404 only to those who could see it.
 */
export function allow(context: AppContext, roles: readonly AccountRole[], options: GuardOptions = {}) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const account = authenticate(context, req, options);
    if (!roles.includes(account.role)) throw errors.forbidden(`this needs the role ${roles.join(" or ")}; you are signed in as ${account.role}`);
    const site = params(req).site;
    if (site !== undefined) {
      if (account.role !== "lead" && account.site !== site) throw errors.forbidden(`you belong to site "${account.site}", not "${site}"`);
      const record = context.store.sites.get(site);
      if (!record) throw errors.notFound(`site "${site}"`);
      // A token outlives an edit of the roster (PUT …/scenario): someone taken off it is out.
      if (account.role === "staff" && !onRoster(record, account.staff)) throw errors.forbidden(`${account.staff} is no longer on the roster of site "${site}"`);
    }
    req.account = account;
    next();
  };
}

const rosters = new WeakMap<SiteRecord, Set<string>>();

/** Whether a staff id is on a site's roster as it stands (one set per scenario revision). */
export function onRoster(record: SiteRecord, staff: string | null | undefined): boolean {
  let ids = rosters.get(record);
  if (!ids) rosters.set(record, (ids = new Set(record.scenario.staff.map((p) => p.id))));
  return staff !== null && staff !== undefined && ids.has(staff);
}

/** Staff acting for a named person may act only for themselves; the lead for anyone. */
export function requireSelfOrLead(account: TokenClaims, staff: string): void {
  if (account.role === "lead") return;
  if (account.role === "staff" && account.staff === staff) return;
  throw errors.forbidden(`only ${staff} or the lead may do this`);
}

/** The path's named parameters; our routes have no wildcards, so each is one string. */
export function params(req: Request): Record<string, string> {
  return req.params as Record<string, string>;
}
