-- Long-lived API tokens of integrator accounts. The token itself is a signed JWT that is shown once;
-- only its id (the JWT's jti) is kept, so a copy of the database holds no usable token, and every
-- request checks the row so a revoked token is refused at once.
CREATE TABLE api_token (
    id          UUID          PRIMARY KEY,           -- the JWT's jti
    account_id  BIGINT        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name        VARCHAR(200)  NOT NULL,
    scopes      VARCHAR(500)  NOT NULL,              -- space-separated, as in the token's scope claim
    created_by  VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    expires_at  TIMESTAMPTZ   NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_token_by_account ON api_token (account_id, created_at);
