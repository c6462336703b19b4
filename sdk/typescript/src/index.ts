/**
 * `@haven/sdk`: the TypeScript client of the Haven API.
 *
 * ```ts
 * import { createHaven, isHavenError } from "@haven/sdk";
 *
 * const haven = createHaven({ baseUrl: "https://api.haven.dev" });
 * await haven.auth.signIn({ email, password });
 * const me = await haven.call("identityGetMe");
 * for await (const session of haven.paginate("identityListSessions")) console.log(session.id);
 * ```
 *
 * Everything under `./generated/` is generated from `openapi/openapi.json` by
 * `npm run generate`; the rest is the hand-written layer (sessions, retries, errors,
 * pagination).
 */
export { createHaven, type Haven, type HavenAuth, type HavenOptions } from "./client.js";
export { HavenError, HttpError, NetworkError, TimeoutError, isHavenError } from "./errors.js";
export { operationInfo } from "./generated/operations.js";
export type * from "./generated/schema.js";
export {
  type AuthState,
  MemoryTokenStore,
  type TokenStore,
  type Tokens,
  webStorageTokenStore,
} from "./session.js";
export { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type RetryOptions } from "./transport.js";
export type {
  CallArgs,
  CallInit,
  CallOptions,
  ListItem,
  ListOperationId,
  OperationId,
  ProblemCode,
  PublicOperationId,
  SecuredOperationId,
  Success,
} from "./types.js";
