// GET /api/v1/queue?site=ID (PRODUCT.md C7): the public snapshot, cacheable for a few seconds,
// with a strong ETag so a phone polling it mostly gets 304. No personal data.
import type { Express } from "express";
import type { AppContext } from "../app.ts";
import { QueueQuery } from "./schemas/shapes.ts";
import { validator } from "./schemas/validator.ts";
import { errors } from "../errors.ts";
import { live } from "../live/hub.ts";

const queueQuery = validator(QueueQuery);

/** Seconds a snapshot may be reused: short, the line moves. */
export const QUEUE_MAX_AGE_SECONDS = 5;

export function mountQueue(app: Express, context: AppContext): void {
  app.get("/api/v1/queue", (req, res) => {
    const { site } = queueQuery.parse({ ...req.query });
    if (!context.store.sites.get(site)) throw errors.notFound(`site "${site}"`);
    res.set("Cache-Control", `public, max-age=${QUEUE_MAX_AGE_SECONDS}`);
    // Express computes the strong ETag from the body and answers If-None-Match with 304.
    res.json({ points: live(context).queues.snapshot(site) });
  });
}
