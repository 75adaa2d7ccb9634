// The pages on the wire (docs/benchmarks.md "Pages on the wire"): each page's HTML, scripts and
// styles as the server sends them to a phone that accepts brotli, to one that accepts only gzip,
// and uncompressed. The app runs in-process with a throwaway store; only bytes are measured.
import { request } from "node:http";
import { createApp } from "../server/app.ts";
import { openStore } from "../server/store/index.ts";

export interface PageBytes {
  page: string;
  /** Scripts and styles, the part a size budget counts (HTML is a few hundred bytes). */
  assets: { br: number; gzip: number; identity: number };
  html: { br: number; gzip: number; identity: number };
}

export type PagesFigures = PageBytes[];

function bytesOf(base: string, path: string, encoding: string): Promise<{ bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = encoding === "identity" ? {} : { "accept-encoding": encoding };
    request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        resolve({ bytes: body.length, body: encoding === "identity" ? body.toString() : "" });
      });
    })
      .on("error", reject)
      .end();
  });
}

export async function benchPages(): Promise<PagesFigures> {
  const tenfold = createApp({ store: openStore(":memory:"), config: { logLevel: "silent", seed: false } });
  const port = await tenfold.listen(0, "127.0.0.1");
  const base = `http://127.0.0.1:${port}`;
  const figures: PagesFigures = [];
  try {
    for (const [page, path] of [["resident", "/"], ["staff", "/staff"], ["lead", "/lead"]]) {
      const { body } = await bytesOf(base, path, "identity");
      const assets = [...body.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
      const row: PageBytes = { page, assets: { br: 0, gzip: 0, identity: 0 }, html: { br: 0, gzip: 0, identity: 0 } };
      for (const [key, encoding] of [["br", "br"], ["gzip", "gzip"], ["identity", "identity"]] as const) {
        row.html[key] = (await bytesOf(base, path, encoding)).bytes;
        for (const a of assets) row.assets[key] += (await bytesOf(base, a, encoding)).bytes;
      }
      figures.push(row);
    }
  } finally {
    await tenfold.close();
  }
  return figures;
}
