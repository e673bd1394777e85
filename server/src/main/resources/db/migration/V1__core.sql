-- Core schema: accounts, devices, sessions, conversations with their change log, files.
-- Message bodies, data keys and file keys are stored encrypted (see im.magpie.server.crypto).

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    account       TEXT        NOT NULL UNIQUE,
    display_name  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    disabled      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE devices (
    id         UUID PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    name       TEXT        NOT NULL,
    platform   TEXT        NOT NULL,
    first_seen TIMESTAMPTZ NOT NULL,
    last_seen  TIMESTAMPTZ NOT NULL
);
CREATE INDEX devices_user ON devices (user_id, last_seen DESC);

CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    device_id  UUID        NOT NULL REFERENCES devices (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE conversations (
    id                BIGSERIAL PRIMARY KEY,
    kind              SMALLINT    NOT NULL,
    title             TEXT        NOT NULL,
    wrapped_key       BYTEA       NOT NULL,
    last_seq          BIGINT      NOT NULL DEFAULT 0,
    -- 'd:<low>:<high>' for direct, 's:<user>' for self; NULL for groups.
    unique_key        TEXT UNIQUE,
    creator_id        BIGINT      NOT NULL,
    client_request_id TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (creator_id, client_request_id)
);

-- One row per user who ever belonged to the conversation; active = current member.
CREATE TABLE members (
    conversation_id BIGINT   NOT NULL REFERENCES conversations (id),
    user_id         BIGINT   NOT NULL,
    role            SMALLINT NOT NULL,
    read_seq        BIGINT   NOT NULL DEFAULT 0,
    active          BOOLEAN  NOT NULL,
    joined_pos      BIGINT   NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX members_user ON members (user_id);

-- The log positions a user may see: from the entry that added them to the entry that removed them.
CREATE TABLE member_windows (
    conversation_id BIGINT NOT NULL,
    user_id         BIGINT NOT NULL,
    from_pos        BIGINT NOT NULL,
    to_pos          BIGINT,
    PRIMARY KEY (user_id, conversation_id, from_pos)
);

-- Every change of every conversation. pos is global and assigned in commit order by the single writer.
CREATE TABLE log (
    pos             BIGINT PRIMARY KEY,
    conversation_id BIGINT      NOT NULL,
    seq             BIGINT      NOT NULL,
    actor_id        BIGINT      NOT NULL,
    server_time     TIMESTAMPTZ NOT NULL,
    kind            SMALLINT    NOT NULL,
    client_msg_id   UUID,
    body            BYTEA,
    recalled        BOOLEAN     NOT NULL DEFAULT FALSE,
    ref_seq         BIGINT,
    subject_id      BIGINT,
    detail          TEXT,
    UNIQUE (conversation_id, seq)
);
CREATE INDEX log_conversation_pos ON log (conversation_id, pos);
CREATE UNIQUE INDEX log_sender_client_msg ON log (actor_id, client_msg_id) WHERE client_msg_id IS NOT NULL;
CREATE UNIQUE INDEX log_recall_target ON log (conversation_id, ref_seq) WHERE kind = 2;

CREATE TABLE files (
    id          TEXT PRIMARY KEY,
    size        BIGINT      NOT NULL,
    sealed_hash BYTEA       NOT NULL,
    wrapped_key BYTEA       NOT NULL,
    nonce       BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE uploads (
    id          TEXT PRIMARY KEY,
    uploader_id BIGINT      NOT NULL,
    size        BIGINT      NOT NULL,
    sealed_hash BYTEA       NOT NULL,
    lookup_id   TEXT        NOT NULL,
    wrapped_key BYTEA       NOT NULL,
    nonce       BYTEA       NOT NULL,
    received    BIGINT      NOT NULL DEFAULT 0,
    file_id     TEXT REFERENCES files (id),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX uploads_file ON uploads (file_id, uploader_id);

CREATE TABLE file_refs (
    file_id         TEXT   NOT NULL REFERENCES files (id),
    conversation_id BIGINT NOT NULL,
    PRIMARY KEY (file_id, conversation_id)
);
