// The three pages (docs/api.md C9): `/` resident, `/staff`, `/lead`, as built into client/dist.
// What they boot from (GET /api/v1/directory) is served by ./directory.ts.
import type { Express, Response } from "express";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";

const CLIENT_DIST = fileURLToPath(new URL("../../client/dist/", import.meta.url));

/** Page path → built HTML file in client/dist (copied from client/static by client/build.mjs). */
export const PAGES: Record<string, string> = { "/": "index.html", "/staff": "staff.html", "/lead": "lead.html" };

export function mountPages(app: Express, _context: AppContext): void {
  for (const [path, file] of Object.entries(PAGES)) {
    app.get(path, (_req, res) => sendPage(res, file));
  }
}

function sendPage(res: Response, file: string): void {
  const path = CLIENT_DIST + file;
  if (!existsSync(path)) throw errors.notFound(`the page ${file} (run \`npm run build\`)`);
  // HTML is never cached: a new build's script names must reach phones at once.
  res.set("Cache-Control", "no-cache");
  res.sendFile(path);
}
