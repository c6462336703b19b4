/**
 * The content journey through the SDK against the real `haven serve` on a seeded
 * database: browse in a locale with fallback, search, ask for a premium variant's URL
 * (refused without the entitlement, allowed after an admin grant through billing), and
 * fetch the signed URL with a `Range` header. Every JSON body is checked against the
 * document ({@link Contract}).
 *
 * Run: `npm --prefix sdk/typescript run build && npm --prefix sdk/typescript run test:journey`
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { createHaven, isHavenError } from "../../src/index.js";
import { Contract } from "../support/contract.js";
import { type Haven as Server, openapiDocument, startHaven } from "../support/server.js";

const PASSWORD = "a long journey passphrase";

/** RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 secret, `step` steps from now. */
function totp(secret: string, step = 0): string {
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

describe("the content journey through the SDK, against haven serve", () => {
  let server: Server | undefined;
  const contract = new Contract(openapiDocument());

  before(async () => {
    server = await startHaven({ HAVEN_SEED_PASSWORD: PASSWORD }, { seed: true });
  });

  after(async () => {
    await server?.stop();
  });

  it("browse with fallback, search, premium refused then granted, a ranged fetch", async () => {
    assert.ok(server, "haven serve did not start");
    const { baseUrl, logs } = server;
    const client = () => createHaven({ baseUrl, fetch: contract.wrap((input, init) => fetch(input, init)) });

    // Browse in Canadian French: items with `fr` answer in it, the others fall back to `en`.
    const anon = client();
    const page = await anon.call("contentBrowseItems", { params: { query: { locale: "fr-CA", limit: 30 } } });
    const locales = new Set(page.items.map((i) => i.locale));
    assert.ok(locales.has("fr") && locales.has("en"), `${[...locales]} ${logs()}`);

    // Search: accent-folded and typo-tolerant, answered in the asked locale.
    const found = await anon.call("contentSearch", { params: { query: { q: "estiramiento suave", locale: "es" } } });
    assert.ok(found.items.length > 0, "found by its Spanish title without the accent");
    assert.equal(found.items[0]!.locale, "es");
    const typo = await anon.call("contentSearch", { params: { query: { q: "lighthose" } } });
    assert.ok(typo.items.some((i) => i.title.startsWith("Lighthouse")));

    // A member asks for a premium variant: refused without content.premium.
    const member = client();
    assert.equal((await member.auth.signIn({ email: "ana@example.org", password: PASSWORD })).status, "authenticated");
    const item = page.items.find((i) => i.variants.some((v) => v.premium))!;
    const premium = item.variants.find((v) => v.premium)!;
    const path = { item_id: item.id, duration_s: premium.duration_s };
    const refused = await member.call("contentGetVariantMediaUrl", { params: { path } }).catch((e: unknown) => e);
    assert.ok(isHavenError(refused, "contentGetVariantMediaUrl"), String(refused));
    assert.equal(refused.status, 403);
    assert.equal(refused.code, "premium_required");

    // The demo admin enrolls a second factor, then grants content.premium in billing.
    const admin = client();
    assert.equal((await admin.auth.signIn({ email: "admin@example.com", password: PASSWORD })).status, "authenticated");
    const enrollment = await admin.call("identityStartTotpEnrollment");
    await admin.call("identityConfirmTotp", { body: { code: totp(enrollment.secret) } });
    await admin.auth.refresh();
    const me = await member.call("identityGetMe");
    await admin.call("billingAdminGrant", {
      params: { path: { user_id: me.id } },
      body: { feature: "content.premium", quota: null, valid_until: null, reason: "sdk journey" },
    });

    // Now the member gets a signed URL and fetches a byte range with it, no token needed.
    const signed = await member.call("contentGetVariantMediaUrl", { params: { path } });
    assert.equal(signed.content_type, "audio/wav");
    const ranged = await fetch(new URL(signed.url, baseUrl), { headers: { range: "bytes=0-11" } });
    assert.equal(ranged.status, 206);
    assert.equal(ranged.headers.get("content-range"), `bytes 0-11/${signed.size_bytes}`);
    const head = Buffer.from(await ranged.arrayBuffer());
    assert.equal(head.subarray(0, 4).toString(), "RIFF");
    assert.equal(head.subarray(8, 12).toString(), "WAVE");
  });
});
