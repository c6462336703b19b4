/**
 * Accounts for the journeys on a seeded database: the demo admin with a second factor
 * (admin operations need a token whose login proved one), members signing in with the
 * seed password, and fresh members registered and verified through the emailed link.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";

import type { Haven } from "../../src/index.js";
import type { Haven as Server } from "./server.js";

/** The demo admin of `haven seed` (domains/identity/src/seed.rs). */
export const DEMO_ADMIN = "admin@example.com";

/** RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret, `step` steps from now. */
export function totp(secret: string, step = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30_000) + step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return ((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, "0");
}

/** Signs `client` in as `email` with a password only. */
export async function signIn(client: Haven, email: string, password: string): Promise<void> {
  assert.equal((await client.auth.signIn({ email, password })).status, "authenticated", email);
}

/** Enrolls a TOTP second factor for the signed-in `client` and refreshes, so its token
 * carries the second factor (and the roles) that admin and clinician operations require. */
export async function enrollSecondFactor(client: Haven): Promise<void> {
  const enrollment = await client.call("identityStartTotpEnrollment");
  await client.call("identityConfirmTotp", { body: { code: totp(enrollment.secret) } });
  await client.auth.refresh();
}

/** Signs `client` in as the demo admin with a second factor. */
export async function signInAdmin(client: Haven, password: string): Promise<void> {
  await signIn(client, DEMO_ADMIN, password);
  await enrollSecondFactor(client);
}

/** Registers `email`, confirms it with the token the server emailed, signs `client` in. */
export async function registerVerified(client: Haven, server: Server, email: string, password: string): Promise<void> {
  await client.call("identityRegister", { body: { email, password } });
  const [mail] = await server.mailTo(email);
  const token = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
  assert.ok(token, `a verification link in: ${mail?.text}`);
  await client.call("identityConfirmEmail", { body: { token } });
  await signIn(client, email, password);
}
