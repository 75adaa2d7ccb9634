// The three pages (PRODUCT.md C9: `/` resident, `/staff`, `/lead`) and the public directory they
// boot from: sites, their points and places, and the published call-up times. No personal data.
import type { Express, Response } from "express";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AppContext } from "../app.ts";
import type { SiteRecord } from "../store/sites.ts";
import { errors } from "../errors.ts";

const CLIENT_DIST = fileURLToPath(new URL("../../client/dist/", import.meta.url));

/** Page path → built HTML file in client/dist (copied from client/static by client/build.mjs). */
export const PAGES: Record<string, string> = { "/": "index.html", "/staff": "staff.html", "/lead": "lead.html" };

/** Seconds the directory may be reused: it changes when a site is made or a plan published. */
const DIRECTORY_MAX_AGE_SECONDS = 30;

export function mountPages(app: Express, context: AppContext): void {
  for (const [path, file] of Object.entries(PAGES)) {
    app.get(path, (_req, res) => sendPage(res, file));
  }
  app.get("/api/v1/directory", (_req, res) => {
    res.set("Cache-Control", `public, max-age=${DIRECTORY_MAX_AGE_SECONDS}`);
    res.json({ now: context.clock.now(), sites: context.store.sites.list().map((site) => directorySite(context, site)) });
  });
}

function sendPage(res: Response, file: string): void {
  const path = CLIENT_DIST + file;
  if (!existsSync(path)) throw errors.notFound(`the page ${file} (run \`npm run build\`)`);
  // HTML is never cached: a new build's script names must reach phones at once.
  res.set("Cache-Control", "no-cache");
  res.sendFile(path);
}

/** What anyone may know about a site: names, places, pool size and when each building is called. */
export function directorySite(context: AppContext, site: SiteRecord) {
  const { scenario } = site;
  const plan = context.store.plans.current(site.id);
  const buildingName = new Map(scenario.buildings.map((b) => [b.id, b.name]));
  return {
    id: site.id,
    name: site.name,
    timezone: site.timezone,
    district: scenario.site.district,
    city: scenario.site.city,
    poolSize: scenario.pooling.poolSize,
    points: scenario.points.map((p) => ({ id: p.id, name: p.name, shelter: p.shelter, desks: p.desks, ...(p.location ? { location: p.location } : {}) })),
    published: plan ? { id: plan.id, revision: plan.revision } : null,
    callups: (plan?.plan.callups ?? []).map((c) => ({
      building: c.building,
      buildingName: buildingName.get(c.building) ?? c.building,
      point: c.point,
      start: c.start,
      end: c.end,
    })),
  };
}
