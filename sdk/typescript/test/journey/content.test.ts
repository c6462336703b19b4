/**
 * The content journey through the SDK against the real `haven serve` on a seeded
 * database: browse in a locale with fallback, search, ask for a premium variant's URL
 * (refused without the entitlement, allowed after an admin grant through billing), and
 * fetch the signed URL with a `Range` header; sync an offline playback batch twice (the
 * second time every event is a duplicate and nothing counts twice), then see the stats,
 * the streak and Today. Every JSON body is checked against the document
 * ({@link Contract}).
 *
 * Run: `npm --prefix sdk/typescript run build && npm --prefix sdk/typescript run test:journey`
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { createHaven, isHavenError } from "../../src/index.js";
import { signIn, signInAdmin } from "../support/accounts.js";
import { Contract } from "../support/contract.js";
import { type Haven as Server, openapiDocument, startHaven } from "../support/server.js";

const PASSWORD = "a long journey passphrase";

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
    await signIn(member, "ana@example.org", PASSWORD);
    const item = page.items.find((i) => i.variants.some((v) => v.premium))!;
    const premium = item.variants.find((v) => v.premium)!;
    const path = { item_id: item.id, duration_s: premium.duration_s };
    const refused = await member.call("contentGetVariantMediaUrl", { params: { path } }).catch((e: unknown) => e);
    assert.ok(isHavenError(refused, "contentGetVariantMediaUrl"), String(refused));
    assert.equal(refused.status, 403);
    assert.equal(refused.code, "premium_required");

    // The demo admin enrolls a second factor, then grants content.premium in billing.
    const admin = client();
    await signInAdmin(admin, PASSWORD);
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

  it("an offline batch synced twice counts once: stats, streak and Today", async () => {
    assert.ok(server, "haven serve did not start");
    const { baseUrl, logs } = server;
    const member = createHaven({ baseUrl, fetch: contract.wrap((input, init) => fetch(input, init)) });
    await signIn(member, "ben@example.org", PASSWORD);
    const zone = "Asia/Tokyo";

    // A session of a course, and an item outside it.
    const courses = await member.call("contentBrowseCourses", { params: { query: { limit: 20 } } });
    const course = courses.items.find((c) => c.sessions.length >= 2);
    assert.ok(course, "a seeded course with two sessions or more");
    const session = course.sessions[0]!;
    const inCourse = new Set(course.sessions.map((s) => s.id));
    const page = await member.call("contentBrowseItems", { params: { query: { limit: 50 } } });
    const other = page.items.find((i) => !inCourse.has(i.id));
    assert.ok(other, "an item outside the course");
    const [sessionLength, otherLength] = [session.variants[0]!.duration_s, other.variants[0]!.duration_s];

    // Recorded offline, sent in another order than they happened.
    const ago = (s: number) => new Date(Date.now() - s * 1000).toISOString();
    const run = `${process.pid}-${Date.now()}`;
    type Kind = "started" | "progress" | "completed";
    const event = (n: number, type: Kind, item_id: string, duration_s: number, position_s: number, at: string) => ({
      event_id: `journey-${run}-${n}`,
      type,
      item_id,
      duration_s,
      position_s,
      occurred_at: at,
      time_zone: zone,
      course_id: item_id === session.id ? course.id : null,
    });
    const batch = [
      event(2, "completed", session.id, sessionLength, sessionLength, ago(120)),
      event(4, "completed", other.id, otherLength, otherLength, ago(60)),
      event(1, "started", session.id, sessionLength, 0, ago(120 + sessionLength)),
      event(3, "progress", other.id, otherLength, 30, ago(90)),
    ];
    const first = await member.call("contentSyncPlayback", { body: { events: batch } });
    const counts = (r: typeof first) => [r.accepted, r.duplicates, r.refused];
    assert.deepEqual(counts(first), [4, 0, 0], JSON.stringify(first.results) + logs());
    assert.deepEqual(
      first.results.map((r) => [r.event_id, r.status]),
      batch.map((e) => [e.event_id, "accepted"]),
      "one result per event, in the batch's order",
    );

    // The app did not hear the answer and sends the same batch again: all duplicates.
    const second = await member.call("contentSyncPlayback", { body: { events: batch } });
    assert.deepEqual(counts(second), [0, 4, 0]);
    const statuses = second.results.map((r) => [r.status, r.reason ?? null]);
    assert.deepEqual(statuses, batch.map(() => ["duplicate", null]));

    // Counted once: two sessions and their minutes.
    const stats = await member.call("contentMyStats", { params: { query: { time_zone: zone, days: 7 } } });
    assert.equal(stats.total_sessions, 2);
    assert.equal(stats.total_minutes, Math.floor((sessionLength + otherLength) / 60));
    assert.equal(stats.days.reduce((n, d) => n + d.sessions, 0), 2);

    // The streak, in the member's day in Tokyo (the day ends at 04:00 local).
    const completedDays = first.results
      .filter((r) => batch.find((e) => e.event_id === r.event_id)?.type === "completed")
      .map((r) => r.local_day);
    assert.ok(completedDays.every((d) => typeof d === "string"), JSON.stringify(first.results));
    const { data: streak, response } = await member.send("contentMyStreak", { params: { query: { time_zone: zone } } });
    assert.match(response.headers.get("cache-control") ?? "", /private|no-store/);
    assert.equal(streak.time_zone, zone);
    // One day, or two when the batch straddles 04:00 in Tokyo: never one per event.
    assert.equal(streak.current, new Set(completedDays).size);
    assert.equal(streak.longest, streak.current);
    assert.equal(streak.last_active_day, [...completedDays].sort().at(-1));
    assert.equal(streak.today_counted, streak.today === streak.last_active_day);

    // Today: continue the course at its second session, the other item from history; the
    // same instant gives the same feed.
    const at = new Date().toISOString();
    const query = { time_zone: zone, at, locale: "en" };
    const today = await member.call("contentMyToday", { params: { query } });
    assert.equal(today.time_zone, zone);
    assert.ok(today.entries.length > 0);
    for (const entry of today.entries) {
      assert.ok((entry.item == null) !== (entry.course == null), `an item or a course: ${JSON.stringify(entry)}`);
    }
    const next = today.entries.find((e) => e.reason === "continue_course");
    assert.equal(next?.course?.id, course.id, JSON.stringify(today.entries.map((e) => e.reason)));
    assert.equal(next?.next_session, 1);
    const played = today.entries.find((e) => e.item?.id === other.id);
    assert.ok(played && ["recently_played", "time_of_day"].includes(played.reason), JSON.stringify(played));
    assert.deepEqual(await member.call("contentMyToday", { params: { query } }), today);
  });

  it("every response the SDK received matched the document", () => {
    assert.ok(contract.checked >= 10, `only ${contract.checked} responses checked`);
    assert.deepEqual(contract.violations, []);
  });
});
