// The simulator's view of a server: its HTTP API and sockets, exactly as any client uses them.
import { io as connect, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../shared/live/events.ts";

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Reply {
  status: number;
  body: any;
}

export class ApiClient {
  constructor(readonly base: string) {}

  async call(method: string, path: string, token?: string, body?: unknown): Promise<Reply> {
    const res = await fetch(this.base + path, {
      method,
      headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Like `call`, but a status outside 2xx is an error naming the call. */
  async must(method: string, path: string, token?: string, body?: unknown): Promise<any> {
    const r = await this.call(method, path, token, body);
    if (r.status >= 300) throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async login(code: string): Promise<string> {
    return (await this.must("POST", "/api/v1/login", undefined, { code })).token;
  }

  socket(token?: string): Promise<LiveClient> {
    const s: LiveClient = connect(this.base, { transports: ["websocket"], reconnection: true, auth: token ? { token } : {} });
    return new Promise((resolve, reject) => {
      s.once("connect", () => resolve(s));
      s.once("connect_error", (err) => reject(err));
    });
  }
}
