-- 003_versions: a source edited at its origin supersedes its earlier version (kept as history),
-- and `accords forget` retracts a source; neither kind supports any agreement.
ALTER TABLE sources ADD COLUMN superseded_by TEXT;
ALTER TABLE sources ADD COLUMN superseded_at TEXT;
ALTER TABLE sources ADD COLUMN retracted_at TEXT;
CREATE INDEX IF NOT EXISTS sources_url ON sources(url);
CREATE INDEX IF NOT EXISTS origins_source ON origins(source_id);
