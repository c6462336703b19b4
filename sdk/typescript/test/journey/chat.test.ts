/**
 * Chat with a coach over SSE, through the SDK against the real `haven serve` on a seeded
 * database: an admin makes a demo account a coach; a member is refused a thread without
 * coaching, gets it from billing's ledger, opens the thread; the coach listens on the
 * thread's event stream (Server-Sent Events, read here with fetch) while the member
 * posts; a resend with the same client id is answered, not duplicated; the coach marks it
 * read, the member sees the marker; a reconnect with `Last-Event-ID` gets only what came
 * after. Every JSON body is checked against the document ({@link Contract}).
 *
 * Run: `npm --prefix sdk/typescript run build && npm --prefix sdk/typescript run test:journey`
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";

import { createHaven, isHavenError } from "../../src/index.js";
import { signIn, signInAdmin } from "../support/accounts.js";
import { Contract } from "../support/contract.js";
import { type Haven as Server, openapiDocument, startHaven } from "../support/server.js";

const PASSWORD = "a long journey passphrase";

/** Reads message events (`id:` and JSON `data:`) of an SSE response body. */
class EventReader {
  #reader: ReadableStreamDefaultReader<Uint8Array>;
  #decoder = new TextDecoder();
  #buffer = "";

  constructor(response: Response) {
    assert.ok(response.body, "a streamed body");
    this.#reader = response.body.getReader();
  }

  /** The next message event, failing after `ms`. */
  async next(ms = 5_000): Promise<{ id: string; data: { seq: number; body: string } }> {
    const deadline = Date.now() + ms;
    for (;;) {
      const end = this.#buffer.indexOf("\n\n");
      if (end >= 0) {
        const frame = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        const lines = frame.split("\n");
        const id = lines.find((l) => l.startsWith("id: "))?.slice(4);
        const data = lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("");
        if (id !== undefined) return { id, data: JSON.parse(data) };
        continue;
      }
      const left = deadline - Date.now();
      assert.ok(left > 0, "no SSE event in time");
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("no SSE event in time")), left),
      );
      const { value, done } = await Promise.race([this.#reader.read(), timeout]);
      assert.ok(!done, "the stream ended");
      this.#buffer += this.#decoder.decode(value, { stream: true });
    }
  }

  async close(): Promise<void> {
    await this.#reader.cancel();
  }
}

describe("chat with a coach over SSE, through the SDK, against haven serve", () => {
  let server: Server | undefined;
  const contract = new Contract(openapiDocument());

  before(async () => {
    server = await startHaven({ HAVEN_SEED_PASSWORD: PASSWORD }, { seed: true });
  });

  after(async () => {
    await server?.stop();
  });

  it("open a thread, stream, post, resend, read markers, resume with Last-Event-ID", async () => {
    assert.ok(server, "haven serve did not start");
    const { baseUrl } = server;
    const client = () => createHaven({ baseUrl, fetch: contract.wrap((input, init) => fetch(input, init)) });

    // The admin makes the demo account ben@example.org a coach.
    const admin = client();
    await signInAdmin(admin, PASSWORD);
    const coach = client();
    await signIn(coach, "ben@example.org", PASSWORD);
    const ben = await coach.call("identityGetMe");
    await admin.call("identityAdminSetRoles", {
      params: { path: { user_id: ben.id } },
      body: { roles: ["member", "coach"] },
    });
    await signIn(coach, "ben@example.org", PASSWORD); // a token with the new role
    const provider = await admin.call("careCreateProvider", {
      body: {
        user_id: ben.id,
        provider_type: "coach",
        display_name: "Ben Demo, coach",
        bio: "Sleep and stress.",
        time_zone: "Europe/Berlin",
        accepting_new: true,
        specialties: ["sleep", "stress"],
        languages: ["en"],
        licenses: [],
      },
    });

    // Coaching is a benefit: refused without it, open once granted.
    const member = client();
    await signIn(member, "ana@example.org", PASSWORD);
    const ana = await member.call("identityGetMe");
    const refused = await member
      .call("careOpenChatThread", { body: { provider_id: provider.id } })
      .catch((e: unknown) => e);
    assert.ok(isHavenError(refused, "careOpenChatThread"), String(refused));
    assert.deepEqual([refused.status, refused.code], [403, "not_entitled"]);
    await admin.call("billingAdminGrant", {
      params: { path: { user_id: ana.id } },
      body: { feature: "care.coaching", quota: null, valid_until: null, reason: "sdk journey" },
    });
    const opened = await member.send("careOpenChatThread", { body: { provider_id: provider.id } });
    assert.equal(opened.response.status, 201);
    assert.equal(opened.response.headers.get("cache-control"), "no-store");
    const thread = opened.data.id;
    const again = await member.send("careOpenChatThread", { body: { provider_id: provider.id } });
    assert.deepEqual([again.response.status, again.data.id], [200, thread]);

    // The coach listens on the thread's event stream.
    const coachToken = (await coach.auth.tokens())?.accessToken;
    assert.ok(coachToken);
    const events = `${baseUrl}/v1/care/chat/threads/${thread}/events`;
    const stream = await fetch(events, { headers: { authorization: `Bearer ${coachToken}` } });
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get("content-type"), "text/event-stream");
    assert.equal(stream.headers.get("cache-control"), "no-store");
    const live = new EventReader(stream);

    // The member posts; a retry with the same client id is the same message.
    const clientMessageId = randomUUID();
    const posted = await member.send("carePostChatMessage", {
      params: { path: { thread_id: thread } },
      body: { client_message_id: clientMessageId, body: "I keep waking up at 4 am." },
    });
    assert.deepEqual([posted.response.status, posted.data.seq], [201, 1]);
    const retried = await member.send("carePostChatMessage", {
      params: { path: { thread_id: thread } },
      body: { client_message_id: clientMessageId, body: "I keep waking up at 4 am." },
    });
    assert.deepEqual([retried.response.status, retried.data.id], [200, posted.data.id]);
    const first = await live.next();
    assert.deepEqual([first.id, first.data.body], ["1", "I keep waking up at 4 am."]);

    // The coach answers (seen live too) and marks the thread read.
    await coach.call("carePostChatMessage", {
      params: { path: { thread_id: thread } },
      body: { client_message_id: randomUUID(), body: "Let us look at your evenings." },
    });
    assert.equal((await live.next()).id, "2");
    await live.close();
    const marker = await coach.call("careMarkChatRead", {
      params: { path: { thread_id: thread } },
      body: { up_to_seq: 2 },
    });
    assert.deepEqual([marker.read_seq, marker.unread_count], [2, 0]);
    const mine = await member.call("careListMyChatThreads");
    const mineThread = mine.items.find((t) => t.id === thread);
    assert.ok(mineThread, JSON.stringify(mine));
    assert.deepEqual([mineThread.peer_read_seq, mineThread.unread_count], [2, 1]);

    // Back after a disconnect: only what came after the last event id.
    await member.call("carePostChatMessage", {
      params: { path: { thread_id: thread } },
      body: { client_message_id: randomUUID(), body: "Usually after screens." },
    });
    const resumed = await fetch(events, {
      headers: { authorization: `Bearer ${coachToken}`, "last-event-id": "2" },
    });
    const back = new EventReader(resumed);
    const third = await back.next();
    assert.deepEqual([third.id, third.data.body], ["3", "Usually after screens."]);
    await back.close();

    const history = await coach.call("careListChatMessages", { params: { path: { thread_id: thread } } });
    assert.deepEqual(
      history.items.map((m) => m.seq),
      [3, 2, 1],
      "newest first",
    );
  });

  it("every response the SDK received matched the document", () => {
    assert.ok(contract.checked >= 10, `only ${contract.checked} responses checked`);
    assert.deepEqual(contract.violations, []);
  });
});
