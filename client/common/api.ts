// Calls to the tenfold HTTP API docs/api.md: JSON in and out, the bearer token
// when signed in, and the server's `{error: {code, message}}` turned into a thrown ApiError.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** A 400's every problem, each with its JSON path. */
    readonly problems?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** A network failure (offline, server down), as opposed to an answer the server refused. */
export class OfflineError extends Error {}

export interface ApiOptions {
  method?: string;
  body?: unknown;
  token?: string | null;
  /** Raw bytes (e.g. an .xlsx) sent as they are, with this content type. */
  raw?: { bytes: ArrayBuffer; type: string };
}

export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  let body: BodyInit | undefined;
  if (options.raw) {
    headers["Content-Type"] = options.raw.type;
    body = options.raw.bytes;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
  } catch (err) {
    throw new OfflineError(String(err));
  }
  const text = await res.text();
  const json = text ? safeJson(text) : undefined;
  if (!res.ok) {
    const error = (json as { error?: { code?: string; message?: string; problems?: { path: string; message: string }[] } } | undefined)?.error;
    throw new ApiError(res.status, error?.code ?? `HTTP_${res.status}`, error?.message ?? res.statusText, error?.problems);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Fetches a file with the token and hands it to the browser as a download. */
export async function download(path: string, token: string, filename: string): Promise<void> {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
