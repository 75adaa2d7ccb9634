// Access codes (docs/api.md C10): random, long enough to resist guessing, stored only as digests.
import { createHash, randomInt } from "node:crypto";
import type { Db } from "./db.ts";

export type AccountRole = "lead" | "staff" | "lab";

export interface Account {
  role: AccountRole;
  site: string | null;
  staff: string | null;
}

// No 0/O, 1/I/L: codes are read aloud and typed on phones in the sun.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A fresh code: 12 characters from 31, about 59 bits. */
export function newAccessCode(): string {
  let code = "";
  for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Codes are matched by digest, so the lookup leaks nothing about how close a guess came. */
export function codeDigest(code: string): string {
  return createHash("sha256").update(code.trim().toUpperCase()).digest("hex");
}

/**
 * The credential an account's tokens come from, as the `credentials` table names it.
 * @example credentialOf({ role: "staff", site: "yiyuan", staff: "bai-xue" }) // "staff:yiyuan:bai-xue"
 */
export function credentialOf(account: Account): string {
  if (account.role === "lead") return "lead";
  if (account.role === "lab") return `lab:${account.site}`;
  return `staff:${account.site}:${account.staff}`;
}

/** The credential of a person's calendar links (revoked on its own, and with the person's). */
export const calendarCredential = (site: string, staff: string) => `calendar:${site}:${staff}`;

export class CodeStore {
  private versionStmt?: ReturnType<Db["prepare"]>;

  constructor(private readonly db: Db) {}

  /** A credential's version: 0 until it is first rotated or removed. */
  version(credential: string): number {
    // Prepared once, on first use: every signed-in request asks for its credential's version.
    this.versionStmt ??= this.db.prepare("SELECT version FROM credentials WHERE account = ?");
    return (this.versionStmt.get(credential) as { version: number } | undefined)?.version ?? 0;
  }

  /** Raises a credential's version: every token signed under the old one stops working. */
  bump(credential: string, at: number): number {
    this.db
      .prepare("INSERT INTO credentials (account, version, changed_at) VALUES (?, 1, ?) ON CONFLICT (account) DO UPDATE SET version = version + 1, changed_at = excluded.changed_at")
      .run(credential, at);
    return this.version(credential);
  }

  /** Gives an account a new code in place of its old ones, and ends the tokens of the old (one transaction). */
  replace(code: string, account: Account, at: number): void {
    this.db.transaction(() => {
      this.db
        .prepare("DELETE FROM access_codes WHERE role = ? AND site IS ? AND staff IS ?")
        .run(account.role, account.site, account.staff);
      this.add(code, account, at);
      this.bump(credentialOf(account), at);
    })();
  }

  add(code: string, account: Account, at: number): void {
    this.db
      .prepare("INSERT INTO access_codes (code_hash, role, site, staff, created_at) VALUES (?, ?, ?, ?, ?)")
      .run(codeDigest(code), account.role, account.site, account.staff, at);
  }

  find(code: string): Account | undefined {
    return this.db
      .prepare("SELECT role, site, staff FROM access_codes WHERE code_hash = ?")
      .get(codeDigest(code)) as Account | undefined;
  }

  leadCount(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM access_codes WHERE role = 'lead'").get() as { n: number }).n;
  }

  hasLead(): boolean {
    return this.db.prepare("SELECT 1 FROM access_codes WHERE role = 'lead' LIMIT 1").get() !== undefined;
  }

  /**
   * Removes a staff member's codes at a site (they left the roster) and ends their tokens and
   * calendar links for good: the versions stay raised if the same id is added again.
   */
  removeStaff(site: string, staff: string, at = Date.now()): number {
    return this.db.transaction(() => {
      const removed = this.db.prepare("DELETE FROM access_codes WHERE role = 'staff' AND site = ? AND staff = ?").run(site, staff).changes;
      this.bump(credentialOf({ role: "staff", site, staff }), at);
      this.bump(calendarCredential(site, staff), at);
      return removed;
    })();
  }
}
