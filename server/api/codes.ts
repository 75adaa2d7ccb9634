// Rotating access codes from the lead's page (docs/api.md C10; docs/reliability.md "Security"):
// the lead's own code, a site's lab code, or one staff member's; the answer carries the new code
// (shown once). The old code and every token from it stop working at once.
import type { Express } from "express";
import type { AppContext } from "../context.ts";
import { allow, params } from "../auth/guard.ts";
import { rotateLead, rotateSiteCode } from "../services/codes.ts";
import { rooms } from "../live/rooms.ts";

export function mountCodes(app: Express, context: AppContext): void {
  const lead = allow(context, ["lead"]);
  app.post("/api/v1/codes/lead/rotate", lead, (_req, res) => {
    const rotated = rotateLead(context.store, context.clock.now());
    // Leads' open sockets were signed in with the old code.
    context.io.in(rooms.leads).disconnectSockets(true);
    res.json(rotated);
  });
  app.post("/api/v1/sites/:site/codes/:who/rotate", lead, (req, res) => {
    const { site, who } = params(req);
    const rotated = rotateSiteCode(context.store, site, who, context.clock.now());
    // A rotated staff member's open sockets go too: their token is no longer good.
    if (rotated.staff) context.io.in(rooms.staff(site, rotated.staff)).disconnectSockets(true);
    res.json(rotated);
  });
}
