/** Compile-time checks of the SDK's types: `tsc` fails the build if they stop holding. */
import assert from "node:assert/strict";
import { it } from "node:test";

import type {
  Haven,
  HavenError,
  IdentitySession,
  IdentityUser,
  ListOperationId,
  ProblemCode,
  PublicOperationId,
  SecuredOperationId,
  Success,
} from "../../src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Admits<T, V> = [V] extends [T] ? true : false;

/** Codes are the document's, per operation. */
export const loginCodes: Equal<
  ProblemCode<"identityLogin">,
  | "bad_request"
  | "invalid_credentials"
  | "account_disabled"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal"
  | "unavailable"
  | "request_timeout"
> = true;
/** A secured operation can answer `unauthorized`; a keyed one the idempotency codes. */
export const securedCodes: Admits<ProblemCode<"identityGetMe">, "unauthorized"> = true;
export const keyedCodes: Admits<ProblemCode<"identityRegister">, "idempotency_key_reused"> = true;
export const publicCodes: Admits<ProblemCode<"metaGet">, "unauthorized"> = false;
export const errorCode: Equal<HavenError<"identityRefreshToken">["code"], ProblemCode<"identityRefreshToken">> = true;

/** Which operations need a bearer is in the types. */
export const meIsSecured: Admits<SecuredOperationId, "identityGetMe"> = true;
export const loginIsPublic: Admits<PublicOperationId, "identityLogin"> = true;
export const loginIsNotSecured: Admits<SecuredOperationId, "identityLogin"> = false;
export const sessionsArePaged: Admits<ListOperationId, "identityListSessions"> = true;

/** Optional fields are sent as null: their types admit it; required ones do not. */
export const nullable: [
  Admits<IdentityUser["display_name"], null>,
  Admits<IdentityUser["email_verified_at"], null>,
  Admits<Success<"identityListSessions">["next_cursor"], null>,
] = [true, true, true];
export const required: Admits<IdentityUser["email"], null> = false;
export const items: Equal<Success<"identityListSessions">["items"][number], IdentitySession> = true;

/** Never called: `tsc` fails if the SDK stops rejecting these. */
export async function rejected(haven: Haven): Promise<void> {
  // @ts-expect-error: not an operation
  await haven.call("identityNoSuchThing");
  // @ts-expect-error: the body is required
  await haven.call("identityLogin");
  // @ts-expect-error: a required body field is missing
  await haven.call("identityLogin", { body: { email: "a@example.com" } });
  // @ts-expect-error: not a list
  void haven.paginate("identityGetMe");
  const me = await haven.call("identityGetMe");
  // @ts-expect-error: no such field
  void me.no_such_field;
  try {
    await haven.call("identityLogin", { body: { email: "a", password: "b" } });
  } catch (e) {
    const error = e as HavenError<"identityLogin">;
    // @ts-expect-error: login never answers this code
    void (error.code === "email_taken");
  }
}

it("the type checks above compiled", () => {
  assert.ok(loginCodes && securedCodes && keyedCodes && meIsSecured && loginIsPublic && sessionsArePaged && items);
  assert.ok(!publicCodes && !loginIsNotSecured && !required);
  assert.deepEqual(nullable, [true, true, true]);
});
