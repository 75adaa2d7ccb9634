// The Socket.IO handshake (docs/api.md C10): a token in `auth: {token}` makes a signed-in socket;
// no token makes a resident's socket, which may only subscribe to queues. A bad token is refused.
import type { Socket } from "socket.io";
import type { AppContext } from "../app.ts";
import { verifyAccountToken, type TokenClaims } from "./tokens.ts";

export interface SocketData {
  account?: TokenClaims;
}

/** Socket.IO middleware for the handshake. */
export function socketAuth(context: AppContext) {
  return (socket: Socket, next: (err?: Error) => void): void => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (token === undefined || token === null || token === "") return next();
    const claims = verifyAccountToken(context.store, token, context.clock.now());
    if (!claims) {
      const err = new Error("the token is invalid or has expired; sign in again") as Error & { data?: unknown };
      err.data = { code: "BAD_TOKEN" };
      return next(err);
    }
    (socket.data as SocketData).account = claims;
    next();
  };
}
