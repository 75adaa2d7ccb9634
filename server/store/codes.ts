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

export class CodeStore {
  constructor(private readonly db: Db) {}

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

  hasLead(): boolean {
    return this.db.prepare("SELECT 1 FROM access_codes WHERE role = 'lead' LIMIT 1").get() !== undefined;
  }

  /** Removes a staff member's codes at a site (they left the roster). */
  removeStaff(site: string, staff: string): number {
    return this.db.prepare("DELETE FROM access_codes WHERE role = 'staff' AND site = ? AND staff = ?").run(site, staff).changes;
  }
}
