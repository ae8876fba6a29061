-- 005_views: the store read as a dataset. Views with readable names over the records and the
-- sources, so that `datasette accords.db`, DuckDB's sqlite_scan and any SQL client are useful at
-- once, without knowing the JSON of a record. Views only: nothing is stored twice.

-- One row per agreement: its main fields, lists joined with ' | ', and how many signatories,
-- sources and discrepancies it has. The full record (JSON) is in agreements.record.
CREATE VIEW IF NOT EXISTS agreement_list AS
    SELECT a.id,
           json_extract(a.record, '$.date_signed') AS date_signed,
           json_extract(a.record, '$.instrument') AS instrument,
           json_extract(a.record, '$.title') AS title,
           json_extract(a.record, '$.place') AS place,
           (SELECT group_concat(json_extract(p.value, '$.id'), ' | ') FROM json_each(a.record, '$.parties') p) AS parties,
           (SELECT group_concat(d.value, ' | ') FROM json_each(a.record, '$.domains') d) AS domains,
           json_array_length(a.record, '$.signatories') AS signatories,
           json_array_length(a.record, '$.sources') AS sources,
           json_array_length(a.record, '$.discrepancies') AS discrepancies,
           json_extract(a.record, '$.confidence') AS confidence,
           a.updated_at
    FROM agreements a;
-- One row per party of an agreement: ISO code or org: slug, type, English name, the bodies that
-- signed for it. Join on party_id to count who signs with whom.
CREATE VIEW IF NOT EXISTS agreement_parties AS
    SELECT a.id AS agreement_id,
           json_extract(p.value, '$.id') AS party_id,
           json_extract(p.value, '$.type') AS party_type,
           json_extract(p.value, '$.name') AS party_name,
           (SELECT group_concat(b.value, ' | ') FROM json_each(p.value, '$.bodies') b) AS bodies,
           json_extract(a.record, '$.date_signed') AS date_signed,
           json_extract(a.record, '$.instrument') AS instrument
    FROM agreements a, json_each(a.record, '$.parties') p;
-- One row per person named in an agreement: 'signatory' or 'present', role, the party they act for,
-- and every form of their name seen, by language (JSON).
CREATE VIEW IF NOT EXISTS agreement_people AS
    SELECT a.id AS agreement_id, 'signatory' AS capacity,
           json_extract(p.value, '$.name') AS name, json_extract(p.value, '$.role') AS role,
           json_extract(p.value, '$.party') AS party, json_extract(p.value, '$.names') AS names
    FROM agreements a, json_each(a.record, '$.signatories') p
    UNION ALL
    SELECT a.id, 'present',
           json_extract(p.value, '$.name'), json_extract(p.value, '$.role'),
           json_extract(p.value, '$.party'), json_extract(p.value, '$.names')
    FROM agreements a, json_each(a.record, '$.present') p;
-- One row per source ever ingested: where it came from, its language and date, what became of it
-- (stored, no-signing, superseded, retracted) and the agreements it supports.
CREATE VIEW IF NOT EXISTS source_list AS
    SELECT s.id, s.origin, s.url, s.lang, s.outlet, s.published, s.title,
           CASE WHEN s.retracted_at IS NOT NULL THEN 'retracted'
                WHEN s.superseded_by IS NOT NULL THEN 'superseded'
                WHEN EXISTS (SELECT 1 FROM mentions m WHERE m.source_id = s.id) THEN 'stored'
                ELSE 'no-signing' END AS state,
           (SELECT group_concat(DISTINCT m.agreement_id) FROM mentions m WHERE m.source_id = s.id) AS agreements,
           length(s.text) AS characters, s.note, s.extractor_version, s.ingested_at
    FROM sources s;
-- Every extracted value with the words of its source that say it (substr counts characters, as
-- the spans do).
CREATE VIEW IF NOT EXISTS statement_list AS
    SELECT st.id, m.agreement_id, st.source_id, st.field, st.value, st.span_start, st.span_end,
           CASE WHEN st.span_start IS NOT NULL
                THEN substr(s.text, st.span_start + 1, st.span_end - st.span_start) END AS evidence,
           st.lang, st.rule, st.extractor_version
    FROM statements st JOIN mentions m ON m.id = st.mention_id JOIN sources s ON s.id = st.source_id;
