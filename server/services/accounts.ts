// Signing in with an access code (PRODUCT.md C10): the code's account, as a signed, expiring token.
import type { AppContext } from "../app.ts";
import type { AccountRole } from "../store/codes.ts";
import { signToken, tokenSecret } from "../auth/tokens.ts";
import { errors } from "../errors.ts";

export interface Login {
  token: string;
  role: AccountRole;
  site?: string;
  staff?: string;
  expiresAt: string;
}

export function login(context: AppContext, code: string): Login {
  const account = context.store.codes.find(code);
  if (!account) throw errors.badCode();
  const now = context.clock.now();
  const token = signToken(account, tokenSecret(context.store), now, context.config.tokenTtlSeconds);
  return {
    token,
    role: account.role,
    ...(account.site ? { site: account.site } : {}),
    ...(account.staff ? { staff: account.staff } : {}),
    expiresAt: new Date(now + context.config.tokenTtlSeconds * 1000).toISOString(),
  };
}
