-- What NLP enrichment decides per message, beside the message so that search and analytics can
-- filter and aggregate on it without a join. Null until the message has been enriched.
ALTER TABLE message
    ADD COLUMN language               VARCHAR(16),   -- ISO 639-1/3 code, or 'und' when the evidence is thin
    ADD COLUMN language_confidence    REAL,
    ADD COLUMN sentiment_polarity     REAL,          -- -1 .. 1
    ADD COLUMN sentiment_subjectivity REAL,          -- 0 .. 1
    ADD COLUMN emotion                VARCHAR(20),   -- joy, sadness, anger, fear, surprise, disgust, neutral
    ADD COLUMN enriched_at            TIMESTAMPTZ;

-- The NLP pipeline picks up messages not enriched yet, conversation by conversation.
CREATE INDEX message_not_enriched ON message (conversation_id, id) WHERE enriched_at IS NULL;
