// The app factory (after Hono): everything the server needs comes in as arguments, so
// tests start it in-process on port 0 with a `:memory:` store and a fake clock.
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { pino, type Logger } from "pino";
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server as IoServer } from "socket.io";
import type { Clock } from "../shared/clock.ts";
import { systemClock } from "../shared/clock.ts";
import type { Store } from "./store/index.ts";
import { DEFAULT_CONFIG, type Config } from "./config.ts";
import { errors, TenfoldError } from "./errors.ts";
import type { AppContext } from "./context.ts";
import { mountApi } from "./api/index.ts";
import { clientAssets, hasClientBuild } from "./api/pages.ts";
import { mountLive } from "./live/index.ts";
import { mountQueue } from "./api/queue.ts";
import { shareLivePushes } from "./live/redis.ts";
import { LiveHub } from "./live/hub.ts";
import { QueueBoard } from "./live/queue-board.ts";
import type { LiveServer } from "./live/io.ts";
import { CommitGroup } from "./store/commit-group.ts";
import { WorkerPool } from "./workers/pool.ts";
import { bodyParsing } from "./api/body.ts";
import { Metrics, serveMetrics, statusClass } from "./metrics.ts";
import { allow } from "./auth/guard.ts";

export interface AppDeps {
  store: Store;
  clock?: Clock;
  config?: Partial<Config>;
  logger?: Logger;
}

export interface Tenfold {
  app: Express;
  http: HttpServer;
  io: LiveServer;
  context: AppContext;
  /** Starts listening; resolves to the port (0 picks a free one). */
  listen(port?: number, host?: string): Promise<number>;
  /** Stops taking requests, closes sockets, and closes the store. */
  close(): Promise<void>;
}

export function createApp(deps: AppDeps): Tenfold {
  const config: Config = { ...DEFAULT_CONFIG, ...deps.config };
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? pino({ level: config.logLevel });
  const app = express();
  const http = createServer(app);
  const io: LiveServer = new IoServer(http, { serveClient: false, maxHttpBufferSize: 1e6 });
  const store = deps.store;
  const queues = new QueueBoard({ store, clock, logger, io });
  // Before any socket connects: the adapter carries every room broadcast to the other nodes.
  const cluster = config.redisUrl ? shareLivePushes({ io, store, logger, queues }, config.redisUrl) : undefined;
  const hub = new LiveHub({ store, clock, logger, io, queues, cluster });
  const metrics = new Metrics(() => io.of("/").sockets.size);
  // The planner's threads start on first use; built here so every part finds the one pool.
  const pool = new WorkerPool({ config, store, metrics });
  const context: AppContext = { store, clock, config, logger, io, live: hub, commits: new CommitGroup(store), cluster, metrics, workers: pool };
  // Every push a socket on this node is sent, broadcasts included (the adapter tells each socket).
  io.on("connection", (socket) => socket.onAnyOutgoing((event: string) => metrics.pushes.inc({ event })));

  app.disable("x-powered-by");
  app.set("etag", "strong");
  // X-Forwarded-For is believed only from the proxies TENFOLD_TRUST_PROXY names (off by default):
  // otherwise anyone could pick the address the sign-in limits count (docs/reliability.md "Security").
  app.set("trust proxy", config.trustProxy === false ? false : /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  // First, so every answer is counted: by the route that took it (its pattern), else "other".
  app.use((req, res, next) => {
    res.once("finish", () => {
      const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : "other";
      metrics.httpRequests.inc({ route, status: statusClass(res.statusCode) });
    });
    next();
  });
  // The public queue snapshot comes first, ahead of what pages and writes need (HTML security
  // headers, the access log, the body parser): every resident's phone polls it, and a log line per
  // poll would drown the log. It sets its own headers for JSON; its errors still reach the handler.
  mountQueue(app, context);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { "script-src": ["'self'"], "connect-src": ["'self'"], "upgrade-insecure-requests": null },
      },
    }),
  );
  const requestLog = pinoHttp({
    logger,
    autoLogging: { ignore: (req) => req.url === "/healthz" },
    // Method, path and status only: headers carry tokens, and `?token=` is stripped for the same reason.
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.replace(/([?&]token=)[^&]*/, "$1…") }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  app.use(requestLog);
  // Auth first, then a body of at most the route's limit (api/body.ts).
  app.use(bodyParsing(context));

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true, time: new Date(clock.now()).toISOString(), sites: deps.store.sites.count() });
  });

  // The lead's token here; or no token on TENFOLD_METRICS_PORT, bound to 127.0.0.1 (docs/scaling.md "Metrics").
  app.get("/metrics", allow(context, ["lead"]), async (_req, res) => {
    const { contentType, body } = await metrics.text();
    res.set("Content-Type", contentType).set("Cache-Control", "no-store").send(body);
  });

  mountApi(app, context);
  const closers = [mountLive(context), () => context.workers.close()];

  if (hasClientBuild()) app.use(clientAssets());
  app.use("/api", (req, _res, next) => next(errors.notFound(`${req.method} ${req.originalUrl}`)));
  app.use(errorHandler(logger));

  let closing: Promise<void> | undefined;
  let metricsServer: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  return {
    app,
    http,
    io,
    context,
    listen: async (port = config.port, host?: string) => {
      if (config.metricsPort !== undefined && !metricsServer) metricsServer = await serveMetrics(metrics, config.metricsPort);
      return new Promise((resolve, reject) => {
        http.once("error", reject);
        http.listen(port, host, () => resolve((http.address() as AddressInfo).port));
      });
    },
    close: () =>
      (closing ??= (async () => {
        for (const close of closers) await close();
        await metricsServer?.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        // After io.close(): the adapter unsubscribes through these connections as it closes.
        await context.cluster?.close();
        if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeAllConnections();
        deps.store.close();
      })()),
  };
}

/** Turns anything thrown into the `{error: {code, message, path?}}` shape; never leaks a stack. */
function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    let error: TenfoldError;
    if (err instanceof TenfoldError) error = err;
    else if (isBodyParserError(err, "entity.too.large")) error = errors.tooLarge(String((err as { limit?: number }).limit ?? ""));
    else if (isBodyParserError(err, "entity.parse.failed")) error = errors.malformedJson();
    else if (isBodyParserError(err) && (err as { status?: number }).status === 415) error = errors.unsupportedMediaType();
    else if (isBodyParserError(err)) error = errors.badBody((err as Error).message);
    // A path with broken percent-encoding (the router's URIError) or a body that will not
    // decompress (zlib, under Content-Encoding) comes with a 4xx status of its own but no body-parser
    // `type`: it is the client's mistake, not a 500 logged as a server error (the hostile-input fuzzer, test/fuzz.test.ts).
    else if (clientErrorStatus(err) !== undefined) error = errors.badRequest(clientErrorStatus(err)!, (err as Error).message);
    else {
      logger.error({ err, url: req.originalUrl }, "unhandled error");
      error = errors.internal();
    }
    if (res.headersSent) return;
    // A busy pool or a rate limit says when to ask again (RFC 9110 Retry-After).
    const retry = error.details?.retryAfterSeconds;
    if (typeof retry === "number") res.set("Retry-After", String(retry));
    res.status(error.status).json(error.toJSON());
  };
}

/** The 4xx status an error from Express or its body parsing carries (http-errors' `expose`), if any. */
function clientErrorStatus(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const status = (err as { status?: unknown }).status;
  return typeof status === "number" && status >= 400 && status < 500 ? status : undefined;
}

function isBodyParserError(err: unknown, type?: string): boolean {
  if (typeof err !== "object" || err === null || !("type" in err)) return false;
  const t = (err as { type: unknown }).type;
  return typeof t === "string" && (type === undefined ? "status" in err : t === type);
}
