// Signing in with an access code (docs/api.md C10): the code's account, as a signed, expiring token.
import type { AppContext } from "../context.ts";
import type { AccountRole } from "../store/codes.ts";
import { signAccountToken } from "../auth/tokens.ts";
import { errors } from "../errors.ts";

export interface Login {
  token: string;
  role: AccountRole;
  site?: string;
  staff?: string;
  /** A staff member's name from the roster, for the page's header. */
  name?: string;
  expiresAt: string;
}

export function login(context: AppContext, code: string): Login {
  const account = context.store.codes.find(code);
  if (!account) throw errors.badCode();
  const now = context.clock.now();
  const name = account.site && account.staff ? context.store.sites.get(account.site)?.scenario.staff.find((p) => p.id === account.staff)?.name : undefined;
  const token = signAccountToken(context.store, account, now, context.config.tokenTtlSeconds);
  return {
    token,
    role: account.role,
    ...(account.site ? { site: account.site } : {}),
    ...(account.staff ? { staff: account.staff } : {}),
    ...(name ? { name } : {}),
    expiresAt: new Date(now + context.config.tokenTtlSeconds * 1000).toISOString(),
  };
}
