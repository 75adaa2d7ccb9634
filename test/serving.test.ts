// The pages as a phone receives them (docs/api.md C9): pre-compressed, brotli first, with the
// headers that let caches keep hashed scripts for a year and never keep stale HTML.
import { expect } from "chai";
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { startApp, type RunningApp } from "./support/app.ts";

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET through node:http, which neither asks for nor undoes compression on its own. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The scripts and style sheets a page's HTML loads. */
function assetsOf(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
}

describe("serving the pages", () => {
  let app: RunningApp;
  before(async () => (app = await startApp()));
  after(() => app.close());

  it("sends the resident page brotli-compressed to a phone that accepts brotli, and never caches it", async () => {
    const res = await get(app.url, "/?site=yiyuan", { "accept-encoding": "gzip, deflate, br" });
    expect(res.status).to.equal(200);
    expect(res.headers["content-encoding"]).to.equal("br");
    expect(res.headers["vary"]).to.match(/accept-encoding/i);
    expect(res.headers["cache-control"]).to.equal("no-cache");
    expect(res.headers["content-type"]).to.match(/^text\/html/);
    expect(brotliDecompressSync(res.body).toString()).to.contain('lang="zh-CN"');
  });

  it("loads hashed scripts and styles that caches may keep for a year", async () => {
    const html = (await get(app.url, "/staff")).body.toString();
    const assets = assetsOf(html);
    expect(assets).to.have.length(3);
    for (const path of assets) {
      expect(path).to.match(/-[A-Z0-9]{8}\.(js|css)$/);
      const res = await get(app.url, path, { "accept-encoding": "br" });
      expect(res.status, path).to.equal(200);
      expect(res.headers["cache-control"], path).to.equal("public, max-age=31536000, immutable");
      expect(res.headers["content-encoding"], path).to.equal("br");
      expect(res.headers["content-type"], path).to.match(path.endsWith(".js") ? /javascript/ : /^text\/css/);
    }
  });

  it("falls back to gzip, and to the plain file for a client that accepts neither", async () => {
    const [script] = assetsOf((await get(app.url, "/")).body.toString()).filter((p) => p.endsWith(".js"));
    const gz = await get(app.url, script, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).to.equal("gzip");
    const plain = await get(app.url, script);
    expect(plain.headers["content-encoding"]).to.equal(undefined);
    expect(gunzipSync(gz.body).equals(plain.body)).to.equal(true);
  });

  it("keeps the service worker's address stable and revalidated, pointing at the hashed shell", async () => {
    const res = await get(app.url, "/sw.js");
    expect(res.status).to.equal(200);
    expect(res.headers["cache-control"]).to.equal("no-cache");
    const shell = res.body.toString().match(/const SHELL = (\[[^\]]*\])/);
    const staffAssets = assetsOf((await get(app.url, "/staff")).body.toString());
    expect(JSON.parse(shell![1])).to.have.members(["/staff", ...staffAssets]);
  });

  it("sends the resident page's scripts and styles in at most 30 KB on the wire", async () => {
    const html = (await get(app.url, "/")).body.toString();
    let bytes = 0;
    for (const path of assetsOf(html)) bytes += (await get(app.url, path, { "accept-encoding": "gzip, deflate, br" })).body.length;
    expect(bytes).to.be.greaterThan(0).and.at.most(30 * 1024);
  });
});
