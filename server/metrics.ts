// What a monitoring system scrapes (docs/scaling.md "Metrics"): `GET /metrics` in Prometheus's text
// format (prom-client), for the lead's token, or without a token on a port of its own bound to
// 127.0.0.1 (TENFOLD_METRICS_PORT). One registry per app, built by createApp: several apps in one
// process (the tests) count apart.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { errors } from "./errors.ts";

export type DeskEventStatus = "applied" | "duplicate" | "rejected";
export type PlannerOutcome = "ok" | "failed" | "timeout";

export class Metrics {
  readonly registry = new Registry();
  /** Requests answered, by route (the pattern, not the path: bounded) and status class. */
  readonly httpRequests = new Counter({
    name: "tenfold_http_requests_total",
    help: "HTTP requests answered, by route pattern and status class (2xx, 4xx, …)",
    labelNames: ["route", "status"] as const,
    registers: [this.registry],
  });
  readonly deskEvents = new Counter({
    name: "tenfold_desk_events_total",
    help: "Desk events received, by what became of each: applied, duplicate (sent again) or rejected",
    labelNames: ["status"] as const,
    registers: [this.registry],
  });
  readonly pushes = new Counter({
    name: "tenfold_live_pushes_total",
    help: "Live pushes sent to sockets on this node, one per socket reached, by event",
    labelNames: ["event"] as const,
    registers: [this.registry],
  });
  readonly plannerRuns = new Counter({
    name: "tenfold_planner_runs_total",
    help: "Planner runs in the worker threads, by outcome: ok, failed or timeout",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly plannerSeconds = new Histogram({
    name: "tenfold_planner_duration_seconds",
    help: "How long a planner run took in the worker threads, waiting for a thread included",
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private defaults = false;

  /** `sockets`: the sockets connected to this node now, read at each scrape. */
  constructor(sockets: () => number) {
    new Gauge({
      name: "tenfold_sockets_connected",
      help: "Socket.IO connections open on this node",
      registers: [this.registry],
      collect() {
        this.set(sockets());
      },
    });
  }

  /** The text a scrape gets. The process's defaults (event-loop delay, memory, …) start at the first scrape. */
  async text(): Promise<{ contentType: string; body: string }> {
    if (!this.defaults) {
      this.defaults = true;
      // Started here, not at createApp: the event-loop monitor keeps a timer per registry, and the
      // tests make hundreds of apps that nobody scrapes.
      collectDefaultMetrics({ register: this.registry });
    }
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** "2xx" for 204. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/** The metrics alone on `port` at 127.0.0.1, no token (the port is reachable only from the machine). */
export async function serveMetrics(metrics: Metrics, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify(errors.notFound(`${req.method} ${req.url}`).toJSON()));
      return;
    }
    metrics.text().then(
      ({ contentType, body }) => res.writeHead(200, { "Content-Type": contentType }).end(body),
      () => res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify(errors.internal().toJSON())),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
