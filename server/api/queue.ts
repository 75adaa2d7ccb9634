// GET /api/v1/queue?site=ID (docs/api.md C7): the public snapshot, cacheable for a few seconds,
// with a strong ETag so a phone polling it mostly gets 304. No personal data.
import type { Express } from "express";
import { createHash } from "node:crypto";
import type { AppContext } from "../context.ts";
import { QueueQuery } from "../../shared/live/shapes.ts";
import { validator } from "./validator.ts";
import { errors } from "../errors.ts";

const queueQuery = validator(QueueQuery);

/** Seconds a snapshot may be reused: short, the line moves. */
export const QUEUE_MAX_AGE_SECONDS = 5;
/**
 * Clock milliseconds one computed snapshot is served for, unless a change is announced first.
 * Time alone moves a line (desks open, the measuring window slides) no faster than the pushes,
 * which go out at most once a second (C7); every phone polling the snapshot then costs a lookup.
 */
export const SNAPSHOT_REUSE_MS = 1000;

/** Mounted ahead of helmet (app.ts): the headers that matter for a JSON answer, set here. */
const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
};

interface Snapshot {
  body: string;
  etag: string;
  revision: number;
  at: number;
}

export function mountQueue(app: Express, context: AppContext): void {
  const cache = new Map<string, Snapshot>();
  const made = (site: string, points: unknown[], revision: number): Snapshot => {
    const body = JSON.stringify({ points });
    const snapshot = { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"`, revision, at: context.clock.now() };
    cache.set(site, snapshot);
    return snapshot;
  };
  const fresh = (kept: Snapshot | undefined, revision: number): kept is Snapshot => {
    const now = context.clock.now();
    return kept !== undefined && kept.revision === revision && now >= kept.at && now - kept.at < SNAPSHOT_REUSE_MS;
  };
  const snapshotOf = async (site: string): Promise<Snapshot> => {
    if (context.store.sites.get(site)) {
      const queues = context.live.queues;
      const revision = queues.revision(site);
      const kept = cache.get(site);
      return fresh(kept, revision) ? kept : made(site, queues.snapshot(site), revision);
    }
    // Several nodes (docs/scaling.md): a site held by another node, read from it, reused as long.
    const kept = cache.get(site);
    if (fresh(kept, -1)) return kept;
    const points = await context.cluster?.currentElsewhere(site);
    if (!points) throw errors.notFound(`site "${site}"`);
    return made(site, points, -1);
  };

  app.get("/api/v1/queue", async (req, res) => {
    const { site } = queueQuery.parse({ ...req.query });
    const snapshot = await snapshotOf(site);
    res.set({ ...JSON_HEADERS, "Cache-Control": `public, max-age=${QUEUE_MAX_AGE_SECONDS}`, ETag: snapshot.etag });
    // `req.fresh` compares If-None-Match with the ETag just set: unchanged, a bodiless 304.
    if (req.fresh) res.status(304).end();
    else res.send(snapshot.body);
  });
}
