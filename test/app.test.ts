import { expect } from "chai";
import { startApp, type RunningApp } from "./support/app.ts";

describe("the server", () => {
  let app: RunningApp;
  before(async () => (app = await startApp()));
  after(() => app.close());

  it("answers /healthz with 200", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.include({ ok: true });
  });

  it("sends security headers", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.headers.get("x-content-type-options")).to.equal("nosniff");
    expect(res.headers.get("content-security-policy")).to.contain("default-src 'self'");
    expect(res.headers.get("x-powered-by")).to.equal(null);
  });

  it("answers an unknown API path with a coded 404", async () => {
    const res = await fetch(`${app.url}/api/v1/nothing-here`);
    expect(res.status).to.equal(404);
    const body = await res.json();
    expect(body.error).to.include({ code: "NOT_FOUND" });
    expect(body.error.message).to.be.a("string");
  });

  it("refuses malformed JSON with a coded 400", async () => {
    const res = await fetch(`${app.url}/api/v1/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{\"code\": ",
    });
    expect(res.status).to.equal(400);
    expect((await res.json()).error.code).to.equal("MALFORMED_JSON");
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await fetch(`${app.url}/api/v1/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: "x".repeat(5 * 1024 * 1024) }),
    });
    expect(res.status).to.equal(413);
    expect((await res.json()).error.code).to.equal("TOO_LARGE");
  });

  it("publishes the scenario's JSON Schema", async () => {
    const res = await fetch(`${app.url}/api/v1/schema/scenario.json`);
    expect(res.status).to.equal(200);
    const schema = await res.json();
    expect(schema.required).to.include.members(["site", "windows", "points", "staff"]);
  });
});
