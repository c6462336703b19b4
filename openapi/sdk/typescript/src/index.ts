/**
 * Haven's TypeScript SDK: a typed HTTP client for the Haven API.
 *
 * The types in `./schema.js` are generated from `openapi/openapi.json` by
 * `npm --prefix openapi run generate`; never edit them by hand. Every call is checked
 * against the document at compile time: path, method, parameters, body and the shape
 * of both the success (`data`) and the problem (`error`) response.
 *
 * @example
 * ```ts
 * import { createHavenClient } from "./index.js";
 *
 * const haven = createHavenClient("https://api.haven.dev");
 * const { data, error, response } = await haven.GET("/v1/meta");
 * if (error) throw new Error(`${error.code} (request ${error.request_id})`);
 * console.log(data.version, response.headers.get("x-request-id"));
 * ```
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** An RFC 9457 problem details body: the one error shape of the API (RFC 0002). */
export type Problem = components["schemas"]["Problem"];

/** A client for the Haven API: `GET`, `POST`, … over the documented paths. */
export type HavenClient = Client<paths>;

/** Options of {@link createHavenClient}: openapi-fetch's, minus `baseUrl`. */
export type HavenClientOptions = Omit<ClientOptions, "baseUrl">;

/**
 * Creates a client for the Haven API served at `baseUrl` (e.g. `https://api.haven.dev`,
 * no trailing `/v1`: paths in the document are absolute).
 *
 * `opts` are passed to openapi-fetch: default `headers` (such as
 * `Authorization: Bearer …`), a custom `fetch`, serializers, etc. Non-2xx responses
 * do not throw; they resolve with `error` set to the parsed {@link Problem}.
 */
export function createHavenClient(baseUrl: string, opts: HavenClientOptions = {}): HavenClient {
  return createClient<paths>({ ...opts, baseUrl: baseUrl.replace(/\/+$/, "") });
}
