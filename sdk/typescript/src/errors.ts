/**
 * The SDK's one error model: every failed call rejects with one of these (or, when the
 * caller aborted it, with the `AbortSignal`'s reason).
 *
 * - {@link HavenError}: the API answered a problem (`application/problem+json`); its
 *   `code` is typed per operation.
 * - {@link HttpError}: an HTTP error that is not a problem (a proxy's HTML `502`, …).
 * - {@link NetworkError}: no answer (DNS, refused connection, CORS, dropped socket).
 * - {@link TimeoutError}: no answer within the timeout (a `NetworkError`).
 */
import type { FieldError, Problem } from "./generated/schema.js";
import type { OperationId, ProblemCode } from "./types.js";

/** A problem the API answered; `code` is one the document lists for `operation`. */
export class HavenError<Op extends OperationId = OperationId> extends Error {
  override readonly name = "HavenError";
  /** The operation that answered it. */
  readonly operation: Op;
  /** The HTTP status. */
  readonly status: number;
  /** The stable machine-readable code, e.g. `invalid_credentials`. */
  readonly code: ProblemCode<Op>;
  /** The request id to quote to support (`X-Request-Id`). */
  readonly requestId: string | null;
  /** Field-level problems of a `422` (empty otherwise). */
  readonly errors: FieldError[];
  /** Seconds the server asked to wait (`Retry-After`), when it said. */
  readonly retryAfter: number | null;
  /** The whole problem body. */
  readonly problem: Problem;
  /** The response (its body already read). */
  readonly response: Response;

  constructor(operation: Op, problem: Problem, response: Response) {
    super(`${operation}: ${problem.status} ${problem.code}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.operation = operation;
    this.status = problem.status;
    this.code = problem.code as ProblemCode<Op>;
    this.requestId = problem.request_id ?? response.headers.get("x-request-id");
    this.errors = problem.errors;
    this.retryAfter = retryAfterSeconds(response);
    this.problem = problem;
    this.response = response;
  }
}

/** Whether `error` is a problem answered by `operation` (narrowing `code` to its union). */
export function isHavenError<Op extends OperationId>(error: unknown, operation: Op): error is HavenError<Op> {
  return error instanceof HavenError && error.operation === operation;
}

/** An HTTP error whose body is not a problem (e.g. an HTML page from a proxy). */
export class HttpError extends Error {
  override readonly name = "HttpError";
  /** The HTTP status. */
  readonly status: number;
  /** The response's `Content-Type`, if any. */
  readonly contentType: string | null;
  /** The start of the body (at most 2,000 characters), for logs. */
  readonly bodyText: string;
  /** The request id, when a Haven server answered (`X-Request-Id`). */
  readonly requestId: string | null;
  /** The response (its body already read). */
  readonly response: Response;

  constructor(operation: OperationId, response: Response, bodyText: string) {
    super(`${operation}: HTTP ${response.status} (${response.headers.get("content-type") ?? "no content type"})`);
    this.status = response.status;
    this.contentType = response.headers.get("content-type");
    this.bodyText = bodyText.slice(0, 2000);
    this.requestId = response.headers.get("x-request-id");
    this.response = response;
  }
}

/** No answer: the request could not be sent or its response not received. */
export class NetworkError extends Error {
  override readonly name: string = "NetworkError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer within the timeout (`timeoutMs` per attempt). */
export class TimeoutError extends NetworkError {
  override readonly name = "TimeoutError";
  /** The timeout that elapsed, in milliseconds. */
  readonly timeoutMs: number;

  constructor(timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), when present and valid. */
export function retryAfterSeconds(response: Response): number | null {
  const value = response.headers.get("retry-after");
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Whether a body with this `Content-Type` is a problem. */
export function isProblemContentType(contentType: string | null): boolean {
  return contentType !== null && /^application\/problem\+json\b/i.test(contentType.trim());
}

/** Whether `value` has the shape of a problem body. */
export function looksLikeProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v["code"] === "string" && typeof v["status"] === "number" && Array.isArray(v["errors"]);
}
