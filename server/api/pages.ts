// The three pages (docs/api.md C9): `/` resident, `/staff`, `/lead`, and the scripts and styles they
// load, as built into client/dist. What they boot from (GET /api/v1/directory) is served by
// ./directory.ts.
//
// Everything is sent pre-compressed (brotli, else gzip, else as is; client/build.mjs writes the
// copies) with `Vary: Accept-Encoding`. Scripts and styles carry a content hash in their names, so
// phones may keep them for a year; HTML and the service worker are revalidated on every load, so a
// new build reaches phones at once.
import type { Express, RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AppContext } from "../context.ts";
import { errors } from "../errors.ts";

const CLIENT_DIST = fileURLToPath(new URL("../../client/dist/", import.meta.url));

/** Page path → built HTML file in client/dist (copied from client/static by client/build.mjs). */
export const PAGES: Record<string, string> = { "/": "index.html", "/staff": "staff.html", "/lead": "lead.html" };

/** A built name with esbuild's content hash (`resident-A4NU4QN3.js`), or a compressed copy of one. */
const HASHED = /-[A-Z0-9]{8}\.(js|css)(\.(br|gz))?$/;

/** One year: the longest lifetime caches honour; `immutable` spares the revalidation on reload. */
const FOREVER = "public, max-age=31536000, immutable";

/** Whether client/dist exists (a clone where `npm install` has not run the build yet has none). */
export function hasClientBuild(): boolean {
  return existsSync(CLIENT_DIST);
}

export function mountPages(app: Express, _context: AppContext): void {
  if (!hasClientBuild()) {
    for (const [path, file] of Object.entries(PAGES)) {
      app.get(path, () => {
        throw errors.notFound(`the page ${file} (run \`npm run build\`)`);
      });
    }
    return;
  }
  const assets = clientAssets();
  for (const [path, file] of Object.entries(PAGES)) {
    app.get(path, (req, res, next) => {
      // The page is the built file itself: served by the same middleware, so it is compressed too.
      const query = req.url.indexOf("?");
      req.url = "/" + file + (query >= 0 ? req.url.slice(query) : "");
      assets(req, res, next);
    });
  }
}

/** The static middleware for client/dist: pre-compressed copies chosen by Accept-Encoding. */
export function clientAssets(): RequestHandler {
  const serve = expressStaticGzip(CLIENT_DIST, {
    enableBrotli: true,
    orderPreference: ["br", "gz"],
    index: false,
    serveStatic: {
      index: false,
      cacheControl: false,
      setHeaders: (res, path) => res.setHeader("Cache-Control", HASHED.test(path) ? FOREVER : "no-cache"),
    },
  }) as RequestHandler;
  return (req, res, next) => {
    // The middleware answers a path with broken percent-encoding in plain text; hand it to the
    // error handler instead, so every error is the same JSON shape (a client's 400, not ours).
    try {
      decodeURIComponent(req.path);
    } catch (err) {
      next(Object.assign(err as Error, { status: 400 }));
      return;
    }
    serve(req, res, next);
  };
}
