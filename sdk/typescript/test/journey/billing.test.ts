/**
 * The billing journey through the SDK against the real `haven serve` on a seeded
 * database: a member subscribes through a Stripe webhook this test signs exactly as
 * Stripe does and then plays premium content; another redeems a promo code an admin
 * created; an employee joins their employer and gets the therapy sessions of its
 * contract. Every JSON body the SDK receives is checked against the document
 * ({@link Contract}); the webhook, which Stripe calls and the SDK does not, is posted
 * with a plain `fetch`.
 *
 * Run: `npm --prefix sdk/typescript run build && npm --prefix sdk/typescript run test:journey`
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { type BillingEntitlements, type Haven, createHaven, isHavenError } from "../../src/index.js";
import { registerVerified, signIn, signInAdmin } from "../support/accounts.js";
import { Contract } from "../support/contract.js";
import { type Haven as Server, openapiDocument, startHaven } from "../support/server.js";

const PASSWORD = "a long journey passphrase";
/** The webhook signing secret the server is configured with (`billing.stripe_webhook_secrets`). */
const WEBHOOK_SECRET = "whsec_sdk_journey_secret";
/** The Stripe price `haven seed` sells the monthly "premium" plan as
 * (`DEMO_PRODUCTS` in domains/billing/src/catalog/service.rs). */
const SEEDED_PREMIUM_MONTH = "price_demo_premium_month";

/** `Stripe-Signature` as Stripe sends it: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
function stripeSignature(payload: string, secret: string, t = Math.floor(Date.now() / 1000)): string {
  const v1 = createHmac("sha256", secret).update(`${t}.${payload}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** A Stripe event envelope around `object`. */
function stripeEvent(id: string, type: string, object: Record<string, unknown>): string {
  const created = Math.floor(Date.now() / 1000);
  return JSON.stringify({ id, object: "event", api_version: "2024-06-20", created, type, data: { object } });
}

/** The entitlement of `feature` in `e`. */
function entitlement(e: BillingEntitlements, feature: string) {
  const found = e.entitlements.find((x) => x.feature === feature);
  assert.ok(found, `${feature} in ${JSON.stringify(e.entitlements)}`);
  return found;
}

describe("the billing journey through the SDK, against haven serve", () => {
  let server: Server | undefined;
  const contract = new Contract(openapiDocument());
  let adminClient: Haven | undefined;
  const run = `${process.pid}${Date.now()}`;

  const live = (): Server => {
    assert.ok(server, "haven serve did not start");
    return server;
  };
  const client = () =>
    createHaven({ baseUrl: live().baseUrl, fetch: contract.wrap((input, init) => fetch(input, init)) });
  /** The demo admin, signed in with a second factor once for all tests. */
  const asAdmin = async (): Promise<Haven> => {
    if (!adminClient) {
      adminClient = client();
      await signInAdmin(adminClient, PASSWORD);
    }
    return adminClient;
  };

  /** Posts a Stripe webhook delivery as Stripe would. */
  const deliver = (payload: string, signature: string) =>
    fetch(new URL("/v1/billing/webhooks/stripe", live().baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
    });

  before(async () => {
    server = await startHaven(
      { HAVEN_SEED_PASSWORD: PASSWORD, HAVEN__BILLING__STRIPE_WEBHOOK_SECRETS: WEBHOOK_SECRET },
      { seed: true },
    );
  });

  after(async () => {
    await server?.stop();
  });

  it("subscribes through a signed Stripe webhook, then plays premium content", async () => {
    const { logs } = live();
    const member = client();
    await signIn(member, "ana@example.org", PASSWORD);
    const me = await member.call("identityGetMe");

    // Before paying: no content.premium, and a premium variant gets no URL.
    assert.equal(entitlement(await member.call("billingMyEntitlements"), "content.premium").allowed, false);
    const page = await client().call("contentBrowseItems", { params: { query: { limit: 30 } } });
    const item = page.items.find((i) => i.variants.some((v) => v.premium));
    assert.ok(item, "the seeded catalog has premium variants");
    const premium = item.variants.find((v) => v.premium)!;
    const path = { item_id: item.id, duration_s: premium.duration_s };
    const refused = await member.call("contentGetVariantMediaUrl", { params: { path } }).catch((e: unknown) => e);
    assert.ok(isHavenError(refused, "contentGetVariantMediaUrl"), String(refused));
    assert.equal(refused.code, "premium_required");

    // The plan the member buys, as the plan list shows it to members.
    const plans = await member.call("billingListPlans");
    const plan = plans.items.find((p) => p.code === "premium");
    assert.ok(plan?.features.content_premium, JSON.stringify(plans.items));
    const monthly = plan.prices.find((p) => p.interval === "month");
    assert.ok(monthly, "a monthly price");

    // Stripe reports the finished checkout and the subscription it started (our checkout
    // puts the member in `client_reference_id` and in the subscription's metadata).
    const customer = `cus_journey${run}`;
    const subscription = `sub_journey${run}`;
    const now = Math.floor(Date.now() / 1000);
    const checkout = stripeEvent(`evt_checkout${run}`, "checkout.session.completed", {
      id: `cs_journey${run}`,
      object: "checkout.session",
      mode: "subscription",
      client_reference_id: me.id,
      customer,
      subscription,
      metadata: { user_id: me.id },
    });
    const created = stripeEvent(`evt_subscription${run}`, "customer.subscription.created", {
      id: subscription,
      object: "subscription",
      customer,
      status: "active",
      cancel_at_period_end: false,
      metadata: { user_id: me.id },
      current_period_start: now,
      current_period_end: now + 30 * 86_400,
      items: {
        object: "list",
        data: [
          { id: `si_journey${run}`, object: "subscription_item", price: { id: SEEDED_PREMIUM_MONTH, object: "price" } },
        ],
      },
    });

    // A delivery whose body was changed after signing is refused and changes nothing.
    const tampered = await deliver(created.replace('"active"', '"trialing"'), stripeSignature(created, WEBHOOK_SECRET));
    assert.equal(tampered.status, 400);
    assert.equal(((await tampered.json()) as { code: string }).code, "webhook_signature_invalid");
    assert.equal(entitlement(await member.call("billingMyEntitlements"), "content.premium").allowed, false);

    for (const [payload, status] of [
      [checkout, "applied"],
      [created, "applied"],
      [created, "duplicate"], // Stripe redelivers: a no-op
    ] as const) {
      const res = await deliver(payload, stripeSignature(payload, WEBHOOK_SECRET));
      assert.equal(res.status, 200, logs());
      assert.deepEqual(await res.json(), { received: true, status });
    }

    // The member now has one active Stripe subscription to the plan's monthly price …
    const subs = await member.call("billingMySubscriptions");
    assert.equal(subs.items.length, 1, "the redelivery made no second subscription");
    const [sub] = subs.items;
    assert.equal(sub?.provider, "stripe");
    assert.equal(sub?.status, "active");
    assert.equal(sub?.price_id, monthly.id);
    assert.equal(sub?.product_id, plan.id);

    // … content.premium from it …
    const { data: rights, response } = await member.send("billingMyEntitlements");
    assert.match(response.headers.get("cache-control") ?? "", /private|no-store/);
    assert.equal(entitlement(rights, "content.premium").allowed, true);
    const grants = rights.grants.filter((g) => g.feature === "content.premium" && g.revoked_at == null);
    assert.deepEqual(
      grants.map((g) => g.source),
      ["stripe"],
    );

    // … and a signed URL for the premium variant that was refused before.
    const signed = await member.call("contentGetVariantMediaUrl", { params: { path } });
    const media = await fetch(new URL(signed.url, live().baseUrl), { headers: { range: "bytes=0-3" } });
    assert.equal(media.status, 206);
    assert.equal(Buffer.from(await media.arrayBuffer()).toString(), "RIFF");
  });

  it("redeems a promo code an admin created, once", async () => {
    const adminClient = await asAdmin();
    const plans = await adminClient.call("billingListPlans");
    const carePlus = plans.items.find((p) => p.code === "care-plus");
    assert.ok(carePlus, JSON.stringify(plans.items.map((p) => p.code)));
    const code = `JOURNEY-${run}`.slice(0, 40);
    const promo = await adminClient.call("billingCreatePromoCode", {
      body: { code, kind: "free_period", product_id: carePlus.id, free_days: 30, max_redemptions: 1 },
    });
    assert.equal(promo.redeemed_count, 0);

    const member = client();
    await signIn(member, "ben@example.org", PASSWORD);
    const before = await member.call("billingMyEntitlements");
    assert.equal(entitlement(before, "care.coaching").allowed, false);

    const redemption = await member.call("billingRedeemPromoCode", { body: { code } });
    assert.equal(redemption.kind, "free_period");
    assert.ok(redemption.granted_until, "a free period ends");
    const days = (Date.parse(redemption.granted_until) - Date.now()) / 86_400_000;
    assert.ok(days > 29 && days <= 30, `30 free days, got ${days}`);

    // The free period grants the product's features, from the promo source.
    const afterRedeem = await member.call("billingMyEntitlements");
    assert.equal(entitlement(afterRedeem, "content.premium").allowed, true);
    assert.equal(entitlement(afterRedeem, "care.coaching").allowed, true);
    assert.equal(entitlement(afterRedeem, "care.therapy").remaining, 6);
    const promoGrants = afterRedeem.grants.filter((g) => g.source === "promo");
    assert.deepEqual(promoGrants.map((g) => g.feature).sort(), ["care.coaching", "care.therapy", "content.premium"]);
    assert.ok(promoGrants.every((g) => g.valid_until === redemption.granted_until), JSON.stringify(promoGrants));

    // Once per member, and the single redemption it allowed is used up.
    const again = await member.call("billingRedeemPromoCode", { body: { code } }).catch((e: unknown) => e);
    assert.ok(isHavenError(again, "billingRedeemPromoCode"), String(again));
    assert.equal(again.status, 409);
    assert.equal(again.code, "promo_code_already_redeemed");
    const other = client();
    await signIn(other, "cy@example.net", PASSWORD);
    const exhausted = await other.call("billingRedeemPromoCode", { body: { code } }).catch((e: unknown) => e);
    assert.ok(isHavenError(exhausted, "billingRedeemPromoCode"), String(exhausted));
    assert.equal(exhausted.code, "promo_code_exhausted");
    assert.equal(entitlement(await other.call("billingMyEntitlements"), "care.coaching").allowed, false);
    const listed = [];
    for await (const p of adminClient.paginate("billingListPromoCodes")) if (p.code === code) listed.push(p);
    assert.deepEqual(
      listed.map((p) => p.redeemed_count),
      [1],
    );
  });

  it("an employee joins their employer and gets the contract's therapy sessions", async () => {
    const adminClient = await asAdmin();
    // The employer's plan: an employee-assistance product with 12 therapy sessions a year.
    const product = await adminClient.call("billingCreateProduct", {
      body: {
        code: `eap-${run}`,
        name: "Journey EAP",
        description: null,
        features: { content_premium: true, care_coaching: false, care_therapy: 12, care_psychiatry: null },
      },
    });
    const domain = `employer${run}.example.com`;
    const organization = await adminClient.call("identityCreateOrganization", {
      body: { name: `Journey Employer ${run}`, allowed_domains: [domain] },
    });
    const seats = await adminClient.call("billingSetEmployerContract", {
      params: { path: { organization_id: organization.id } },
      body: { product_id: product.id, seats: 5 },
    });
    assert.deepEqual([seats.seats, seats.seated], [5, 0]);

    // The employee registers with their work address, verifies it and joins.
    const employee = client();
    await registerVerified(employee, live(), `pat@${domain}`, PASSWORD);
    assert.equal(entitlement(await employee.call("billingMyEntitlements"), "care.therapy").allowed, false);
    const membership = await employee.call("identityJoinOrganization", {
      body: { organization_id: organization.id, employee_id: null },
    });
    assert.equal(membership.organization_id, organization.id);
    assert.equal(membership.via, "email_domain");

    // Seated at once (in the join's transaction): therapy sessions with all units left.
    const rights = await employee.call("billingMyEntitlements");
    const therapy = entitlement(rights, "care.therapy");
    assert.deepEqual([therapy.allowed, therapy.quota, therapy.used, therapy.remaining], [true, 12, 0, 12]);
    assert.equal(entitlement(rights, "content.premium").allowed, true);
    assert.deepEqual(
      rights.grants.filter((g) => g.feature === "care.therapy").map((g) => g.source),
      ["employer"],
    );
    const contractNow = await adminClient.call("billingGetEmployerContract", {
      params: { path: { organization_id: organization.id } },
    });
    assert.equal(contractNow.seated, 1);
  });

  it("every response the SDK received matched the document", () => {
    assert.ok(contract.checked >= 20, `only ${contract.checked} responses checked`);
    assert.deepEqual(contract.violations, []);
  });
});
