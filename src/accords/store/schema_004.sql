-- 004_browse: what the web app's list, filters, facets and search read, kept beside the records so
-- that every query is answered from an index. The agreement tables are rewritten with the records
-- by the rebuild (store/browse_index.py); the search tables follow the live sources.
CREATE TABLE IF NOT EXISTS browse_agreements (
    n INTEGER PRIMARY KEY,               -- the key of the tables below and the rowid in browse_names
    id TEXT NOT NULL UNIQUE,
    date_signed TEXT,                    -- as in the record: YYYY, YYYY-MM, YYYY-MM-DD or NULL
    date_newest TEXT NOT NULL,           -- sort key of "date" (descending): undated ('') last
    date_oldest TEXT NOT NULL,           -- sort key of "oldest" (ascending): undated ('~') last
    instrument TEXT, place TEXT,
    n_sources INTEGER NOT NULL,
    n_discrepancies INTEGER NOT NULL
);
-- The list's row of each agreement, JSON ready to send; apart, so that the table above stays
-- narrow (a filter that looks up thousands of agreements reads few pages).
CREATE TABLE IF NOT EXISTS browse_rows (n INTEGER PRIMARY KEY, row TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS browse_agreements_newest ON browse_agreements(date_newest, id);
CREATE INDEX IF NOT EXISTS browse_agreements_oldest ON browse_agreements(date_oldest, id);
CREATE INDEX IF NOT EXISTS browse_agreements_sources ON browse_agreements(n_sources DESC, id);
CREATE INDEX IF NOT EXISTS browse_agreements_instrument ON browse_agreements(instrument, date_newest);
CREATE INDEX IF NOT EXISTS browse_agreements_discrepancies ON browse_agreements(n_discrepancies, date_newest);
CREATE TABLE IF NOT EXISTS browse_parties (
    party_id TEXT NOT NULL,              -- 'AZ', 'org:eu'
    n INTEGER NOT NULL,                  -- browse_agreements.n
    name TEXT, type TEXT,
    PRIMARY KEY (party_id, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS browse_parties_agreement ON browse_parties(n, party_id);
CREATE TABLE IF NOT EXISTS browse_domains (
    domain TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (domain, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS browse_domains_agreement ON browse_domains(n, domain);
CREATE TABLE IF NOT EXISTS browse_langs (
    lang TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (lang, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS browse_langs_agreement ON browse_langs(n, lang);
-- The live sources of each agreement, by their key in the search index (search_sources.n), so
-- that a search's hits lead to their agreements without reading the sources' ids.
CREATE TABLE IF NOT EXISTS browse_sources (
    sn INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (sn, n)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS browse_sources_agreement ON browse_sources(n, sn);
-- Names an agreement is found by (title, parties, signatories and those present in every script),
-- folded; rowid = browse_agreements.n.
CREATE VIRTUAL TABLE IF NOT EXISTS browse_names USING fts5(names, tokenize='trigram');
-- The terms (trigrams) of each index, in order: a word of two characters (中国) is found as the
-- trigrams that start with it, looked up here (browse_search.match).
CREATE VIRTUAL TABLE IF NOT EXISTS browse_names_vocab USING fts5vocab(browse_names, 'row');
-- The live sources' texts, folded with accords.text.normalize.fold_str (case, diacritics, Arabic
-- letter variants, Hebrew points) and indexed by trigrams: any substring of three characters or
-- more is found, so a word is found inside its clitics (الذكاء in والذكاء, ישראל in לישראל) and in
-- scripts written without spaces. A superseded or retracted source is taken out.
CREATE TABLE IF NOT EXISTS search_sources (
    n INTEGER PRIMARY KEY,               -- rowid in search_text; kept while the source stays live
    source_id TEXT NOT NULL UNIQUE,
    lang TEXT
);
CREATE INDEX IF NOT EXISTS search_sources_lang ON search_sources(lang, n);
CREATE VIRTUAL TABLE IF NOT EXISTS search_text USING fts5(title, text, tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS search_vocab USING fts5vocab(search_text, 'row');
-- Existing stores: their live sources are indexed here (fold_str is registered on every
-- connection of a Store); their agreements by the migration's hook, through the rebuild's writer.
-- Title and text end with a newline so that a two-character word at the very end still starts a trigram.
INSERT INTO search_sources (source_id, lang)
    SELECT id, lang FROM sources WHERE superseded_by IS NULL AND retracted_at IS NULL ORDER BY ingested_at, id;
INSERT INTO search_text (rowid, title, text)
    SELECT x.n, fold_str(COALESCE(s.title, '')) || char(10), fold_str(s.text) || char(10)
    FROM search_sources x JOIN sources s ON s.id = x.source_id
