// Posters and the public building list (docs/api.md C14): what a resident sees on the gate, the
// building door and the group chat. Public: buildings and points only, no person's data.
import type { Express, Request } from "express";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";
import { buildingDays, buildingProgress, pointDays } from "../posters/site-day.ts";
import { allow } from "../auth/guard.ts";
import { buildingPoster, pointPoster } from "../posters/posters.ts";
import { posterDocument } from "../posters/page.ts";

export function mountPosters(app: Express, context: AppContext): void {
  const siteOf = (req: Request) => {
    const id = String(req.params.site);
    const site = context.store.sites.get(id);
    if (!site) throw errors.notFound(`site "${id}"`);
    return { id, scenario: site.scenario, plan: context.store.plans.current(id)?.plan };
  };
  // The QR codes point where residents reach this server: the setting, else the host asked.
  const baseOf = (req: Request) => context.config.publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}/`;

  app.get("/api/v1/sites/:site/buildings", (req, res) => {
    const { id, scenario, plan } = siteOf(req);
    res.set("Cache-Control", "no-cache");
    res.json(buildingDays(scenario, plan, context.store.tubes.swabsByBuilding(id)));
  });

  // The building heads' and the lead's view: the least sampled first, who is missed (漏检).
  app.get("/api/v1/sites/:site/buildings/progress", allow(context, ["lead", "staff"]), (req, res) => {
    const { id, scenario, plan } = siteOf(req);
    res.set("Cache-Control", "no-cache");
    res.json({ now: new Date(context.clock.now()).toISOString(), buildings: buildingProgress(buildingDays(scenario, plan, context.store.tubes.swabsByBuilding(id)), context.clock.now()) });
  });

  app.get("/api/v1/sites/:site/posters/points.html", async (req, res) => {
    const { id, scenario, plan } = siteOf(req);
    const base = baseOf(req);
    const posters = await Promise.all(pointDays(scenario, plan).map((p) => pointPoster(scenario.site.name, id, p, base)));
    res.type("html").set("Cache-Control", "no-cache").send(posterDocument(`${scenario.site.name} · 采样点海报`, posters));
  });

  app.get("/api/v1/sites/:site/posters/buildings.html", async (req, res) => {
    const { id, scenario, plan } = siteOf(req);
    const base = baseOf(req);
    const pointNames = new Map(scenario.points.map((p) => [p.id, p.name]));
    // `?point=P` prints one point's buildings only, for the marshal at that gate.
    const only = typeof req.query.point === "string" ? req.query.point : undefined;
    if (only !== undefined && !pointNames.has(only)) throw errors.notFound(`point "${only}" at site "${id}"`, "$.query.point");
    const buildings = buildingDays(scenario, plan).filter((b) => only === undefined || b.point === only);
    const posters = await Promise.all(buildings.map((b) => buildingPoster(scenario.site.name, id, b, pointNames.get(b.point) ?? b.point, base)));
    res.type("html").set("Cache-Control", "no-cache").send(posterDocument(`${scenario.site.name} · 楼栋海报`, posters));
  });
}
