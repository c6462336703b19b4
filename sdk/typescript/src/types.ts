/**
 * Types derived from the generated `operations` and `operationInfo`: what each
 * operation takes, answers on success, and which problem `code`s it can answer.
 */
import type { FetchOptions } from "openapi-fetch";
import type { RequiredKeysOf, SuccessResponse, ResponseObjectMap } from "openapi-typescript-helpers";

import type { operationInfo } from "./generated/operations.js";
import type { operations } from "./generated/schema.js";

/** Every operation id of the API, e.g. `"identityLogin"`. */
export type OperationId = keyof operations & keyof typeof operationInfo;

/** Operations that need a signed-in session (`Authorization: Bearer`). */
export type SecuredOperationId = {
  [Op in OperationId]: (typeof operationInfo)[Op]["secured"] extends true ? Op : never;
}[OperationId];

/** Operations anyone may call (sign-up, sign-in, public keys, …). */
export type PublicOperationId = Exclude<OperationId, SecuredOperationId>;

/** Options every call takes besides the operation's parameters and body. */
export interface CallOptions {
  /** Sent as `Idempotency-Key` (operations that take one get a generated key otherwise). */
  idempotencyKey?: string;
  /** Per-attempt timeout in milliseconds, overriding the client's. */
  timeoutMs?: number;
  /** `false`: no retries for this call. */
  retry?: false;
}

/** What `call(op, init)` takes: the operation's `params` (path, query, header) and `body`,
 *  an `AbortSignal` (`signal`), and {@link CallOptions}. */
export type CallInit<Op extends OperationId> = FetchOptions<operations[Op]> & CallOptions;

/** `[init]` when the operation has required parameters or a body, `[init?]` otherwise. */
export type CallArgs<Op extends OperationId> =
  RequiredKeysOf<FetchOptions<operations[Op]>> extends never ? [init?: CallInit<Op>] : [init: CallInit<Op>];

/** The success body of an operation (`undefined` for `204 No Content`). */
export type Success<Op extends OperationId> = SuccessResponse<ResponseObjectMap<operations[Op]>>;

/** The problem bodies an operation can answer (one per documented error status). */
type ProblemBodies<R> = {
  [S in keyof R]: R[S] extends { content: { "application/problem+json": infer P } } ? P : never;
}[keyof R];

/** The problem `code`s an operation can answer, as the document lists them. */
export type ProblemCode<Op extends OperationId> =
  ProblemBodies<operations[Op]["responses"]> extends { code: infer C } ? C : never;

/** Operations answering one page of a cursor-paginated list. */
export type ListOperationId = {
  [Op in OperationId]: (typeof operationInfo)[Op]["paginated"] extends true ? Op : never;
}[OperationId];

/** The items of a list operation's pages. */
export type ListItem<Op extends ListOperationId> = Success<Op> extends { items: Array<infer T> } ? T : never;
