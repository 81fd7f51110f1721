-- Phone numbers (channels) admins add beside the one configured by CONVERSA_WHATSAPP_PHONE_NUMBER_ID,
-- each with its own access token. Secrets are stored encrypted (AES-256-GCM) as
-- "<key id>:<base64 of nonce and ciphertext>", so that keys can be rotated while running.
CREATE TABLE channel (
    phone_number_id  VARCHAR(64)  PRIMARY KEY,
    display_name     VARCHAR(200),
    access_token     TEXT         NOT NULL,              -- encrypted
    created_by       VARCHAR(200),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Which data key encrypts new secrets; older keys still decrypt until rotate-key has re-encrypted all.
CREATE TABLE data_key (
    id          INTEGER      PRIMARY KEY,
    active      BOOLEAN      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX one_active_data_key ON data_key (active) WHERE active;
INSERT INTO data_key (id, active) VALUES (1, TRUE);
