-- Refresh tokens of WhatsApp-code logins. Only a SHA-256 of each token's secret is kept, so a copy of
-- the database logs no one in. Tokens rotate on every use; all tokens of one login share a family,
-- and a token used twice (a stolen copy) revokes the whole family.
CREATE TABLE refresh_token (
    id           UUID         PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    family       UUID         NOT NULL,
    secret_hash  CHAR(64)     NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    used_at      TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX refresh_token_by_family ON refresh_token (family);

-- Who read or changed what, and with what outcome. Append-only: the database refuses UPDATE, DELETE
-- and TRUNCATE, and each row carries the SHA-256 of its content chained to the previous row's hash,
-- so a row changed behind the triggers' back (by a superuser) breaks the chain where it was changed.
CREATE TABLE audit_log (
    id              BIGINT       PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(200),                 -- username or phone; null when unauthenticated
    roles           VARCHAR(100),
    action          VARCHAR(200) NOT NULL,        -- e.g. GET /api/v1/conversations/{id}/messages, login.verify
    target          VARCHAR(500),                 -- what it was about: path parameters, a phone number
    outcome         VARCHAR(40)  NOT NULL,        -- HTTP status or a word (ok, refused, ...)
    client_address  VARCHAR(64),
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL
);
CREATE INDEX audit_by_actor ON audit_log (actor, id);
CREATE INDEX audit_by_target ON audit_log (target, id);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
