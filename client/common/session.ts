// The signed-in account of a page, kept in localStorage so a phone stays signed in between visits.
export interface Session {
  token: string;
  role: "lead" | "staff" | "lab";
  site?: string;
  staff?: string;
  /** A staff member's own name, for the header. */
  name?: string;
}

export function loadSession(page: string): Session | undefined {
  try {
    const raw = localStorage.getItem(`tenfold.session.${page}`);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(page: string, session: Session | undefined): void {
  if (session) localStorage.setItem(`tenfold.session.${page}`, JSON.stringify(session));
  else localStorage.removeItem(`tenfold.session.${page}`);
}
