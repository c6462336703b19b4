/**
 * The care journey through the SDK against the real `haven serve` on a seeded database:
 * an admin makes a demo account a licensed therapist with weekly hours; a member sets up
 * their care profile, is matched with the therapist, is refused a booking without
 * therapy sessions, gets sessions from billing's ledger (an admin grant), books a slot,
 * reschedules it and cancels it in time, the session going back to their plan. Then the
 * member answers a PHQ-9 with thoughts of self-harm (item 9): the answer carries crisis
 * resources at once, and the therapist on their care team sees the task, acknowledges it
 * and resolves it with a note. Health data answers are `Cache-Control: no-store`; every
 * JSON body is checked against the document ({@link Contract}).
 *
 * Run: `npm --prefix sdk/typescript run build && npm --prefix sdk/typescript run test:journey`
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { type BillingEntitlements, createHaven, isHavenError } from "../../src/index.js";
import { enrollSecondFactor, signIn, signInAdmin } from "../support/accounts.js";
import { Contract } from "../support/contract.js";
import { type Haven as Server, openapiDocument, startHaven } from "../support/server.js";

const PASSWORD = "a long journey passphrase";
const DAY_MS = 86_400_000;

/** The member's therapy sessions: [allowed, quota, used, remaining]. */
function therapy(e: BillingEntitlements) {
  const t = e.entitlements.find((x) => x.feature === "care.therapy");
  assert.ok(t, JSON.stringify(e.entitlements));
  return [t.allowed, t.quota ?? null, t.used ?? null, t.remaining ?? null];
}

describe("the care journey through the SDK, against haven serve", () => {
  let server: Server | undefined;
  const contract = new Contract(openapiDocument());
  const client = () => {
    assert.ok(server, "haven serve did not start");
    return createHaven({ baseUrl: server.baseUrl, fetch: contract.wrap((input, init) => fetch(input, init)) });
  };
  /** Asserts the answer of a health-data read or write may not be stored by any cache. */
  const noStore = (response: Response) =>
    assert.equal(response.headers.get("cache-control"), "no-store", response.url);
  /** Set by the first test: the member and the therapist on their care team. */
  let member: ReturnType<typeof client> | undefined;
  let clinician: ReturnType<typeof client> | undefined;

  before(async () => {
    server = await startHaven({ HAVEN_SEED_PASSWORD: PASSWORD }, { seed: true });
  });

  after(async () => {
    await server?.stop();
  });

  it("care profile, match, refused without sessions, book, reschedule, cancel in time", async () => {
    assert.ok(server, "haven serve did not start");
    const { logs } = server;

    // The admin makes the demo account cy@example.net a therapist licensed in California,
    // seeing members every day from 09:00 to 17:00 in Los Angeles.
    const admin = client();
    await signInAdmin(admin, PASSWORD);
    clinician = client();
    await signIn(clinician, "cy@example.net", PASSWORD);
    const cy = await clinician.call("identityGetMe");
    await admin.call("identityAdminSetRoles", {
      params: { path: { user_id: cy.id } },
      body: { roles: ["member", "clinician"] },
    });
    const licenseExpiry = new Date(Date.now() + 365 * DAY_MS).toISOString().slice(0, 10);
    const provider = await admin.call("careCreateProvider", {
      body: {
        user_id: cy.id,
        provider_type: "therapist",
        display_name: "Cy Demo, LMFT",
        bio: "Anxiety and sleep, in English and Spanish.",
        time_zone: "America/Los_Angeles",
        accepting_new: true,
        specialties: ["anxiety", "sleep"],
        languages: ["en", "es"],
        licenses: [
          { jurisdiction: "US-CA", number: "LMFT 123456", authority: "California BBS", expires_on: licenseExpiry },
        ],
      },
    });
    const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));
    await admin.call("careSetProviderSchedule", {
      params: { path: { provider_id: provider.id } },
      body: { rules, exceptions: [] },
    });

    // The member needs a care profile before matching.
    member = client();
    await signIn(member, "ana@example.org", PASSWORD);
    const me = await member.call("identityGetMe");
    const noProfile = await member
      .call("careMatchProviders", { params: { query: { appointment_type: "therapy" } } })
      .catch((e: unknown) => e);
    assert.ok(isHavenError(noProfile, "careMatchProviders"), String(noProfile));
    assert.equal(noProfile.code, "care_profile_required");

    const profileBody = {
      country: "US",
      us_state: "CA",
      languages: ["es"],
      time_zone: "America/New_York",
      emergency_contact: { name: "Rosa Demo", phone: "+1 415 555 0100", relationship: "sister" },
    };
    const set = await member.send("careSetMyProfile", { body: profileBody });
    noStore(set.response);
    assert.deepEqual({ ...set.data, updated_at: undefined }, { ...profileBody, updated_at: undefined }, "as sent");
    const got = await member.send("careGetMyProfile");
    noStore(got.response);
    assert.deepEqual(got.data.emergency_contact, profileBody.emergency_contact);

    // Matching: the therapist, licensed where the member lives and speaking Spanish,
    // with reasons and a soonest slot; the member's view shows no license numbers.
    const matched = await member.send("careMatchProviders", {
      params: { query: { appointment_type: "therapy", specialties: ["anxiety"] } },
    });
    noStore(matched.response);
    const match = matched.data.find((m) => m.provider.id === provider.id);
    assert.ok(match, JSON.stringify(matched.data) + logs());
    assert.deepEqual(match.specialties_matched, ["anxiety"]);
    assert.ok(match.reasons.length > 0, "each match explains itself");
    assert.ok(match.soonest_slot, "a free slot");
    assert.deepEqual(match.provider.licensed_in, ["US-CA"]);
    assert.ok(!JSON.stringify(matched.data).includes("LMFT 123456"), "no license number in a member view");

    // Slots more than a day ahead (a cancel or reschedule is free until 24 h before).
    const from = new Date(Date.now() + 3 * DAY_MS).toISOString();
    const to = new Date(Date.now() + 10 * DAY_MS).toISOString();
    const { slots, time_zone } = await member.call("careListSlots", {
      params: { path: { provider_id: provider.id }, query: { appointment_type: "therapy", from, to } },
    });
    assert.equal(time_zone, "America/New_York", "shown in the zone of the member's care profile");
    const first = slots[0];
    const later = slots.find((s) => Date.parse(s.starts_at) >= Date.parse(first?.starts_at ?? "") + DAY_MS);
    assert.ok(first && later, `two slots a day apart in ${JSON.stringify(slots.slice(0, 3))}`);
    const booking = { provider_id: provider.id, appointment_type: "therapy" as const, starts_at: first.starts_at };

    // Therapy consumes a session of the member's plan: none yet.
    assert.deepEqual(therapy(await member.call("billingMyEntitlements")), [false, null, 0, null]);
    const unpaid = await member.call("careBookAppointment", { body: booking }).catch((e: unknown) => e);
    assert.ok(isHavenError(unpaid, "careBookAppointment"), String(unpaid));
    assert.deepEqual([unpaid.status, unpaid.code], [403, "not_entitled"]);

    // An admin grants four sessions in billing's ledger.
    await admin.call("billingAdminGrant", {
      params: { path: { user_id: me.id } },
      body: { feature: "care.therapy", quota: 4, valid_until: null, reason: "sdk journey" },
    });
    assert.deepEqual(therapy(await member.call("billingMyEntitlements")), [true, 4, 0, 4]);

    // Book: one session used, the therapist joins the care team.
    const booked = await member.send("careBookAppointment", { body: booking });
    noStore(booked.response);
    assert.equal(booked.response.status, 201);
    const appointment = booked.data;
    assert.deepEqual(
      [appointment.status, appointment.starts_at, appointment.member_id, appointment.rescheduled_from ?? null],
      ["booked", first.starts_at, me.id, null],
    );
    assert.equal(Date.parse(appointment.ends_at) - Date.parse(appointment.starts_at), 50 * 60_000, "therapy is 50 min");
    assert.ok(appointment.video_url.includes(appointment.id), appointment.video_url);
    assert.deepEqual(therapy(await member.call("billingMyEntitlements")), [true, 4, 1, 3]);
    const taken = await member.call("careBookAppointment", { body: booking }).catch((e: unknown) => e);
    assert.ok(isHavenError(taken, "careBookAppointment"), String(taken));
    assert.equal(taken.status, 409, "the same slot twice");
    assert.ok(["slot_unavailable", "appointment_overlaps"].includes(taken.code), taken.code);
    const team = await member.send("careListMyCareTeam");
    noStore(team.response);
    assert.ok(JSON.stringify(team.data).includes(provider.id), JSON.stringify(team.data));

    // Reschedule to the later slot: a new appointment replaces the old one, same session.
    const moved = await member.send("careRescheduleAppointment", {
      params: { path: { appointment_id: appointment.id } },
      body: { starts_at: later.starts_at },
    });
    noStore(moved.response);
    const replacement = moved.data;
    assert.notEqual(replacement.id, appointment.id);
    assert.deepEqual(
      [replacement.status, replacement.starts_at, replacement.rescheduled_from],
      ["booked", later.starts_at, appointment.id],
    );
    const old = await member.send("careGetAppointment", { params: { path: { appointment_id: appointment.id } } });
    noStore(old.response);
    assert.equal(old.data.status, "rescheduled");
    assert.deepEqual(therapy(await member.call("billingMyEntitlements")), [true, 4, 1, 3], "no second session used");

    // Cancel more than 24 h ahead: free, the session goes back, no strike.
    const cancelled = await member.send("careCancelAppointment", {
      params: { path: { appointment_id: replacement.id } },
    });
    noStore(cancelled.response);
    const { appointment: after, late, unit_released } = cancelled.data;
    const outcome = [after.status, after.cancelled_by, after.strike, late, unit_released];
    assert.deepEqual(outcome, ["cancelled", "member", false, false, true]);
    assert.deepEqual(therapy(await member.call("billingMyEntitlements")), [true, 4, 0, 4]);

    // The member's list holds both, as they ended.
    const listed = await member.send("careListMyAppointments");
    noStore(listed.response);
    const states = Object.fromEntries(listed.data.items.map((a) => [a.id, a.status]));
    assert.deepEqual(states, { [appointment.id]: "rescheduled", [replacement.id]: "cancelled" });
  });

  it("a PHQ-9 with item 9 answers crisis resources; the care-team clinician acknowledges", async () => {
    assert.ok(member && clinician, "the first test set up the member and the therapist");
    const answers = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    const taken = await member.send("careSubmitAssessment", { body: { instrument: "phq9", answers } });
    noStore(taken.response);
    assert.equal(taken.response.status, 201);
    const { assessment, escalated, crisis_resources } = taken.data;
    assert.deepEqual([assessment.total, assessment.severity, escalated], [1, "minimal", true]);
    assert.ok(
      crisis_resources.some((r) => r.phone === "988"),
      `the US crisis line for a US member: ${JSON.stringify(crisis_resources)}`,
    );

    // The therapist on the care team (cy) needs a second factor for clinical work.
    await enrollSecondFactor(clinician);
    const tasks = await clinician.send("careListEscalations");
    noStore(tasks.response);
    const task = tasks.data.items.find((t) => t.assessment_id === assessment.id);
    assert.ok(task, JSON.stringify(tasks.data.items));
    assert.deepEqual([task.status, task.reasons], ["open", ["self_harm_item"]]);
    assert.ok(Date.parse(task.due_at) > Date.now(), "a response deadline ahead");

    const acked = await clinician.send("careAcknowledgeEscalation", {
      params: { path: { escalation_id: task.id } },
    });
    noStore(acked.response);
    assert.equal(acked.data.status, "acknowledged");
    assert.ok(acked.data.acknowledged_at);
    const resolved = await clinician.call("careResolveEscalation", {
      params: { path: { escalation_id: task.id } },
      body: { note: "Called the member; safety plan in place." },
    });
    assert.equal(resolved.status, "resolved");

    // The clinician sees the member's history; the member's own list shows it too.
    const mine = await member.send("careListMyAssessments");
    noStore(mine.response);
    assert.ok(mine.data.items.some((a) => a.id === assessment.id));
  });

  it("every response the SDK received matched the document", () => {
    assert.ok(contract.checked >= 20, `only ${contract.checked} responses checked`);
    assert.deepEqual(contract.violations, []);
  });
});
