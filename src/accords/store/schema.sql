-- 001_initial: sources, their origins, event mentions and one statement per extracted value.
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY,                 -- sha256 of the stored text, 16 hex
    origin TEXT NOT NULL,                -- the first path or URL it was ingested from
    url TEXT, lang TEXT, outlet TEXT, published TEXT, published_from TEXT, title TEXT,
    encoding TEXT, media_type TEXT,
    raw_sha256 TEXT NOT NULL,
    text TEXT NOT NULL,                  -- every evidence span points into this text
    note TEXT,                           -- why nothing was extracted, when nothing was
    extractor_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS origins (
    origin TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources(id),
    raw_sha256 TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mentions (
    id TEXT PRIMARY KEY,                 -- source id : index of the event in the source
    source_id TEXT NOT NULL REFERENCES sources(id),
    idx INTEGER NOT NULL,
    agreement_id TEXT
);
CREATE INDEX IF NOT EXISTS mentions_source ON mentions(source_id);
CREATE INDEX IF NOT EXISTS mentions_agreement ON mentions(agreement_id);
CREATE TABLE IF NOT EXISTS statements (
    id INTEGER PRIMARY KEY,
    mention_id TEXT NOT NULL REFERENCES mentions(id),
    source_id TEXT NOT NULL REFERENCES sources(id),
    field TEXT NOT NULL,
    value TEXT NOT NULL,                 -- JSON
    span_start INTEGER, span_end INTEGER,
    lang TEXT, rule TEXT, extractor_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS statements_mention ON statements(mention_id);
CREATE TABLE IF NOT EXISTS blocks (
    key TEXT NOT NULL,                   -- a blocking key of merge: parties, month
    mention_id TEXT NOT NULL REFERENCES mentions(id),
    PRIMARY KEY (key, mention_id)
);
CREATE TABLE IF NOT EXISTS judgements (
    a TEXT NOT NULL, b TEXT NOT NULL,    -- mention ids, a < b
    verdict TEXT NOT NULL,               -- positive | negative | unsure
    score REAL, scorer TEXT NOT NULL, reason TEXT,
    PRIMARY KEY (a, b)
);
CREATE TABLE IF NOT EXISTS agreements (
    id TEXT PRIMARY KEY,
    record TEXT NOT NULL,                -- the exported record, JSON
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS aliases (
    alias TEXT PRIMARY KEY,              -- an earlier id of an agreement that merged into another
    agreement_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS refusals (
    origin TEXT PRIMARY KEY,
    code TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
);
