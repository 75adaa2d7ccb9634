// The error catalogue is closed (server/errors.ts): every code a client can see has one factory
// and one message there, and no other module makes a coded error of its own.
import { expect } from "chai";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { errors, TenfoldError, tubeRefused } from "../server/errors.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("the error catalogue", () => {
  it("is the only place a coded error is made", () => {
    const elsewhere = sources(join(ROOT, "server"))
      .filter((f) => !f.endsWith(join("server", "errors.ts")))
      .filter((f) => /new TenfoldError\(|errors\.(state|conflict)\(/.test(readFileSync(f, "utf8")))
      .map((f) => relative(ROOT, f));
    expect(elsewhere).to.deep.equal([]);
  });

  it("has one factory for each code", () => {
    const source = readFileSync(join(ROOT, "server", "errors.ts"), "utf8");
    const codes = [...source.matchAll(/new TenfoldError\(\d+, "([A-Z_]+)"/g)].map((m) => m[1]);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).to.deep.equal([]);
  });

  it("gives an unknown tube one message wherever it is named", () => {
    const fromDesk = tubeRefused({ reason: "unknown" }, "T-1");
    const fromBox = tubeRefused({ reason: "unknown" }, "T-1", "$.tubes[2]");
    expect(fromDesk.message).to.equal(fromBox.message);
    expect([fromDesk.code, fromDesk.path, fromBox.path]).to.deep.equal(["TUBE_UNKNOWN", "$.tube", "$.tubes[2]"]);
  });

  it("acknowledges a refused socket request with the same code, message and path as HTTP", () => {
    const err = errors.notFound('site "nowhere"', "$.site");
    expect(err).to.be.instanceOf(TenfoldError);
    expect(err.toAck()).to.deep.equal({ ok: false, error: { code: "NOT_FOUND", message: 'site "nowhere" not found', path: "$.site" } });
    expect(err.toJSON()).to.deep.equal({ error: err.toAck().error });
  });
});
