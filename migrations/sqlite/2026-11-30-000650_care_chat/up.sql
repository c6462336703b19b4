-- Care, part 2 (issue 15 point 3): coaching chat. One thread per member–provider pair;
-- messages carry a per-thread sequence number assigned under the thread's row lock and the
-- sender's client-generated id (a resend is found, never stored twice).

CREATE TABLE care_chat_threads (
    id                 TEXT PRIMARY KEY,
    member_id          TEXT NOT NULL,
    provider_id        TEXT NOT NULL REFERENCES care_providers (id),
    -- The provider's account, so participant checks and the provider's inbox need no join.
    provider_user_id   TEXT NOT NULL,
    -- The seq of the newest message (0: none yet).
    last_seq           BIGINT NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    -- Read markers: each participant has read every message up to this seq.
    member_read_seq    BIGINT NOT NULL DEFAULT 0 CHECK (member_read_seq >= 0),
    provider_read_seq  BIGINT NOT NULL DEFAULT 0 CHECK (provider_read_seq >= 0),
    last_message_at    TIMESTAMP,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX care_chat_threads_pair ON care_chat_threads (member_id, provider_id);
CREATE INDEX care_chat_threads_provider_user ON care_chat_threads (provider_user_id, id);

-- A message (health data: the body is never logged).
CREATE TABLE care_chat_messages (
    id                 TEXT PRIMARY KEY,
    thread_id          TEXT NOT NULL REFERENCES care_chat_threads (id),
    seq                BIGINT NOT NULL CHECK (seq > 0),
    sender_id          TEXT NOT NULL,
    sender_role        TEXT NOT NULL CHECK (sender_role IN ('member', 'coach', 'clinician')),
    client_message_id  TEXT NOT NULL,
    body               TEXT NOT NULL,
    created_at         TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX care_chat_messages_seq ON care_chat_messages (thread_id, seq);
CREATE UNIQUE INDEX care_chat_messages_client ON care_chat_messages (thread_id, sender_id, client_message_id);
