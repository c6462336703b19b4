/**
 * Sessions: where the tokens live ({@link TokenStore}), refreshing them before they
 * expire and after a `401` (one refresh at a time, however many calls need it), and
 * telling the app when the session starts, is refreshed or ends.
 */
import { HavenError } from "./errors.js";
import type { IdentityTokenResponse } from "./generated/schema.js";

/** The tokens of a session. */
export interface Tokens {
  /** The short-lived access token (JWT), sent as `Authorization: Bearer`. */
  accessToken: string;
  /** The single-use refresh token; keep it secret. */
  refreshToken: string;
  /** When the access token expires, in milliseconds since the epoch. */
  expiresAt: number;
  /** The session's id (`ses_…`). */
  sessionId: string;
}

/** Where tokens are kept: memory by default; browser storage or a mobile keychain by
 *  implementing these two methods. `save(null)` forgets them. */
export interface TokenStore {
  /** The stored tokens, or `null`. */
  load(): Tokens | null | Promise<Tokens | null>;
  /** Replaces the stored tokens (`null`: signed out). */
  save(tokens: Tokens | null): void | Promise<void>;
}

/** Keeps the tokens in memory (lost when the process or page goes). */
export class MemoryTokenStore implements TokenStore {
  #tokens: Tokens | null = null;

  load(): Tokens | null {
    return this.#tokens;
  }

  save(tokens: Tokens | null): void {
    this.#tokens = tokens;
  }
}

/** Keeps the tokens as JSON in a Web Storage (`sessionStorage`, `localStorage`) under
 *  `key`. Anything script on the page can read it: prefer memory where XSS is a risk. */
export function webStorageTokenStore(
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">,
  key = "haven.tokens",
): TokenStore {
  return {
    load(): Tokens | null {
      const text = storage.getItem(key);
      if (text === null) return null;
      try {
        return JSON.parse(text) as Tokens;
      } catch {
        return null;
      }
    },
    save(tokens: Tokens | null): void {
      if (tokens === null) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(tokens));
    },
  };
}

/** A change of the session, as {@link Session.onChange} reports it. */
export type AuthState =
  | { signedIn: true; reason: "signIn" | "refresh"; tokens: Tokens }
  | { signedIn: false; reason: "signOut" | "expired" };

/** The answer of a login step or a refresh that opened or renewed a session. */
export type TokenAnswer = Pick<IdentityTokenResponse, "access_token" | "refresh_token" | "expires_in" | "session_id">;

/** Exchanges a refresh token for new tokens (`identityRefreshToken`). */
export type Refresher = (refreshToken: string) => Promise<TokenAnswer>;

/** The session state of one client. */
export class Session {
  readonly #store: TokenStore;
  readonly #leewayMs: number;
  readonly #refresher: Refresher;
  readonly #listeners = new Set<(state: AuthState) => void>();
  #inFlight: Promise<Tokens | null> | null = null;

  constructor(store: TokenStore, leewayMs: number, refresher: Refresher) {
    this.#store = store;
    this.#leewayMs = leewayMs;
    this.#refresher = refresher;
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  onChange(listener: (state: AuthState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The stored tokens. */
  async tokens(): Promise<Tokens | null> {
    return await this.#store.load();
  }

  /** Stores the tokens of a new or renewed session and reports it. */
  async adopt(answer: TokenAnswer, reason: "signIn" | "refresh"): Promise<Tokens> {
    const tokens: Tokens = {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: Date.now() + answer.expires_in * 1000,
      sessionId: answer.session_id,
    };
    await this.#store.save(tokens);
    this.#emit({ signedIn: true, reason, tokens });
    return tokens;
  }

  /** Forgets the tokens and reports it (only when there were any). */
  async clear(reason: "signOut" | "expired"): Promise<void> {
    const had = (await this.#store.load()) !== null;
    await this.#store.save(null);
    if (had) this.#emit({ signedIn: false, reason });
  }

  /** The access token to send: refreshed first when it expires within the leeway;
   *  `null` when signed out. */
  async accessToken(): Promise<string | null> {
    const tokens = await this.#store.load();
    if (tokens === null) return null;
    if (tokens.expiresAt - Date.now() > this.#leewayMs) return tokens.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /** After a `401` for `used`: the current token if another call already refreshed,
   *  else a refreshed one; `null` when the session is over. */
  async afterUnauthorized(used: string | null): Promise<string | null> {
    const tokens = await this.#store.load();
    if (tokens === null) return null;
    if (tokens.accessToken !== used) return tokens.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /** Refreshes the tokens; concurrent callers share one refresh. A refused refresh
   *  (`401`) ends the session (`expired`) and resolves `null`; other failures reject. */
  refresh(): Promise<Tokens | null> {
    this.#inFlight ??= this.#refreshOnce().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  async #refreshOnce(): Promise<Tokens | null> {
    const tokens = await this.#store.load();
    if (tokens === null) return null;
    try {
      return await this.adopt(await this.#refresher(tokens.refreshToken), "refresh");
    } catch (error) {
      if (error instanceof HavenError && error.status === 401) {
        await this.clear("expired");
        return null;
      }
      throw error;
    }
  }

  #emit(state: AuthState): void {
    for (const listener of this.#listeners) {
      try {
        listener(state);
      } catch {
        // A listener's failure is the app's; the session goes on.
      }
    }
  }
}
