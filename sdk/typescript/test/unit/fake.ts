/**
 * A scripted `fetch` for the unit tests: each request is recorded and answered by the
 * first handler that matches its method and path.
 */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type Handler = (req: Seen, count: number) => Response | Promise<Response>;

export class FakeApi {
  readonly seen: Seen[] = [];
  readonly #routes: Array<{ method: string; path: string; handler: Handler; count: number }> = [];

  /** Answers `method path` with `handler` (called with the request and its 1-based count). */
  on(method: string, path: string, handler: Handler): this {
    this.#routes.push({ method, path, handler, count: 0 });
    return this;
  }

  /** Requests seen for `method path`. */
  calls(method: string, path: string): Seen[] {
    return this.seen.filter((s) => s.method === method && s.path === path);
  }

  readonly fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const text = init?.body ? new TextDecoder().decode(init.body as ArrayBuffer) : "";
    const seen: Seen = {
      method: (init?.method ?? "GET").toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init?.headers),
      body: text ? JSON.parse(text) : undefined,
    };
    this.seen.push(seen);
    const route = this.#routes.find((r) => r.method === seen.method && r.path === seen.path);
    if (!route) throw new Error(`unexpected ${seen.method} ${seen.path}`);
    route.count++;
    const signal = init?.signal;
    const answer = route.handler(seen, route.count);
    if (!signal) return await answer;
    // Like a real fetch: an abort rejects the pending call with the signal's reason.
    return await new Promise<Response>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      Promise.resolve(answer).then(resolve, reject);
    });
  };
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

/** A problem answer. */
export function problem(
  status: number,
  code: string,
  headers: Record<string, string> = {},
  errors: Array<{ field: string; code: string; message: string }> = [],
): Response {
  return new Response(
    JSON.stringify({
      type: `https://haven.dev/problems/${code}`,
      title: "t",
      status,
      detail: "d",
      code,
      request_id: "req-1",
      errors,
    }),
    { status, headers: { "content-type": "application/problem+json", "x-request-id": "req-1", ...headers } },
  );
}

/** A token answer valid for `expiresIn` seconds. */
export function tokens(n: number, expiresIn = 900): Response {
  return json(200, {
    status: "authenticated",
    access_token: `access-${n}`,
    refresh_token: `refresh-${n}`,
    token_type: "Bearer",
    expires_in: expiresIn,
    session_id: "ses_01h455vb4pex5vsknk084sn02q",
    mfa_enrollment_required: false,
  });
}

/** A promise and its resolver, to hold an answer until a test lets it go. */
export function gate<T>(): { promise: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}
