// The Socket.IO handshake (docs/api.md C10): a token in `auth: {token}` makes a signed-in socket;
// no token makes a resident's socket, which may only subscribe to queues. A bad token is refused.
import type { AppContext } from "../context.ts";
import type { LiveSocket } from "../live/io.ts";
import { verifyAccountToken } from "./tokens.ts";
import { errors } from "../errors.ts";

/** Socket.IO middleware for the handshake. */
export function socketAuth(context: AppContext) {
  return (socket: LiveSocket, next: (err?: Error) => void): void => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (token === undefined || token === null || token === "") return next();
    const claims = verifyAccountToken(context.store, token, context.clock.now());
    if (!claims) {
      // Socket.IO hands the client `message` and `data` of a refused handshake.
      const refused = errors.badToken();
      return next(Object.assign(new Error(refused.message), { data: { code: refused.code } }));
    }
    socket.data.account = claims;
    next();
  };
}
