/**
 * The Haven client: `call` any operation by its id, `paginate` a list, and `auth` for
 * the session. Calls resolve with the success body and reject with the errors of
 * `./errors.js`.
 */
import createClient from "openapi-fetch";

import { HavenError, HttpError, isProblemContentType, looksLikeProblem } from "./errors.js";
import { operationInfo } from "./generated/operations.js";
import type { IdentityLoginMfaRequest, IdentityLoginRequest, IdentityLoginResult } from "./generated/schema.js";
import { type AuthState, MemoryTokenStore, Session, type TokenStore, type Tokens } from "./session.js";
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryOptions, transmit } from "./transport.js";
import type { CallArgs, CallInit, ListItem, ListOperationId, OperationId, Success } from "./types.js";

/** Options of {@link createHaven}. */
export interface HavenOptions {
  /** Where the API is served, e.g. `https://api.haven.dev` (paths start with `/v1`). */
  baseUrl: string;
  /** Where tokens are kept (default: memory). */
  tokenStore?: TokenStore;
  /** Called when the session starts, is refreshed or ends. */
  onAuthStateChange?: (state: AuthState) => void;
  /** Refresh an access token this long before it expires (default 30,000 ms). */
  refreshLeewayMs?: number;
  /** Per-attempt timeout (default 15,000 ms). */
  timeoutMs?: number;
  /** Retry policy (merged over the defaults); `false`: never retry. */
  retry?: Partial<RetryOptions> | false;
  /** The fetch to use (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** The session side of a client. */
export interface HavenAuth {
  /** Signs in with a password. `status: "authenticated"`: the session is stored;
   *  `status: "mfa_required"`: continue with {@link HavenAuth.completeMfa}. */
  signIn(body: IdentityLoginRequest, options?: { signal?: AbortSignal }): Promise<IdentityLoginResult>;
  /** Completes a sign-in with a TOTP or recovery code; stores the session. */
  completeMfa(body: IdentityLoginMfaRequest, options?: { signal?: AbortSignal }): Promise<Tokens>;
  /** Signs out: revokes the session on the server (best effort) and clears the store. */
  signOut(): Promise<void>;
  /** Refreshes the tokens now (shared with any refresh already running); `null` when
   *  signed out or the session expired. */
  refresh(): Promise<Tokens | null>;
  /** The stored tokens, or `null`. */
  tokens(): Promise<Tokens | null>;
  /** Calls `listener` on every session change; returns the function that stops it. */
  onChange(listener: (state: AuthState) => void): () => void;
}

/** A client of the Haven API. */
export interface Haven {
  /** Calls `operation`; resolves with its success body. Rejects with `HavenError`
   *  (typed `code`), `HttpError`, `NetworkError`/`TimeoutError`, or the signal's reason. */
  call<Op extends OperationId>(operation: Op, ...init: CallArgs<Op>): Promise<Success<Op>>;
  /** As {@link Haven.call}, with the response (headers such as `ETag`, `RateLimit-*`). */
  send<Op extends OperationId>(
    operation: Op,
    ...init: CallArgs<Op>
  ): Promise<{ data: Success<Op>; response: Response }>;
  /** Every page of a cursor-paginated list, following `next_cursor`. */
  pages<Op extends ListOperationId>(operation: Op, ...init: CallArgs<Op>): AsyncGenerator<Success<Op>, void>;
  /** Every item of a cursor-paginated list, page after page. */
  paginate<Op extends ListOperationId>(operation: Op, ...init: CallArgs<Op>): AsyncGenerator<ListItem<Op>, void>;
  /** The session. */
  readonly auth: HavenAuth;
}

/** openapi-fetch's `request` for a method and path known only at run time. */
type AnyRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Creates a client of the Haven API served at `options.baseUrl`. */
export function createHaven(options: HavenOptions): Haven {
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const retry: RetryOptions =
    options.retry === false ? { ...DEFAULT_RETRY, attempts: 1 } : { ...DEFAULT_RETRY, ...options.retry };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = createClient({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: options.headers ?? {},
  });
  const request = client.request as unknown as AnyRequest;

  const session: Session = new Session(
    options.tokenStore ?? new MemoryTokenStore(),
    options.refreshLeewayMs ?? 30_000,
    (refreshToken) => call("identityRefreshToken", { body: { refresh_token: refreshToken } }),
  );
  if (options.onAuthStateChange) session.onChange(options.onAuthStateChange);

  async function send<Op extends OperationId>(
    operation: Op,
    ...args: CallArgs<Op>
  ): Promise<{ data: Success<Op>; response: Response }> {
    const info = operationInfo[operation];
    const { idempotencyKey, timeoutMs: callTimeout, retry: callRetry, ...init } = (args[0] ?? {}) as CallInit<Op>;
    const result = await request(info.method, info.path, {
      ...init,
      fetch: (req: Request) =>
        transmit(req, {
          fetch: fetchFn,
          idempotent: info.idempotent,
          idempotencyKey,
          timeoutMs: callTimeout ?? timeoutMs,
          retry: callRetry === false ? { ...retry, attempts: 1 } : retry,
          bearer: info.secured ? session : null,
        }),
    });
    const { response } = result;
    if (response.ok) return { data: result.data as Success<Op>, response };
    const contentType = response.headers.get("content-type");
    if (isProblemContentType(contentType) && looksLikeProblem(result.error)) {
      throw new HavenError(operation, result.error, response);
    }
    const text = typeof result.error === "string" ? result.error : JSON.stringify(result.error ?? "");
    throw new HttpError(operation, response, text);
  }

  async function call<Op extends OperationId>(operation: Op, ...args: CallArgs<Op>): Promise<Success<Op>> {
    return (await send(operation, ...args)).data;
  }

  async function* pages<Op extends ListOperationId>(
    operation: Op,
    ...args: CallArgs<Op>
  ): AsyncGenerator<Success<Op>, void> {
    const init = (args[0] ?? {}) as { params?: { query?: Record<string, unknown> } };
    let cursor = init.params?.query?.["cursor"] ?? null;
    for (;;) {
      const query = { ...init.params?.query, cursor };
      const page = await call(operation, ...([{ ...init, params: { ...init.params, query } }] as CallArgs<Op>));
      yield page;
      cursor = (page as { next_cursor?: string | null }).next_cursor ?? null;
      if (cursor === null) return;
    }
  }

  async function* paginate<Op extends ListOperationId>(
    operation: Op,
    ...args: CallArgs<Op>
  ): AsyncGenerator<ListItem<Op>, void> {
    for await (const page of pages(operation, ...args)) {
      yield* (page as { items: ListItem<Op>[] }).items;
    }
  }

  const auth: HavenAuth = {
    async signIn(body, opts) {
      const result = await call("identityLogin", { body, ...opts });
      if (result.status === "authenticated") await session.adopt(result, "signIn");
      return result;
    },
    async completeMfa(body, opts) {
      return await session.adopt(await call("identityLoginMfa", { body, ...opts }), "signIn");
    },
    async signOut() {
      try {
        if ((await session.tokens()) !== null) await call("identityLogout", { retry: false });
      } catch {
        // Signed out locally whatever the server says (its session may already be gone).
      } finally {
        await session.clear("signOut");
      }
    },
    refresh: () => session.refresh(),
    tokens: () => session.tokens(),
    onChange: (listener) => session.onChange(listener),
  };

  return { call, send, pages, paginate, auth };
}
