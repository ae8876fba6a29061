-- 002_entities: people, states and organisations, recomputed with the agreements.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,                 -- per:Q..., per:<hash>, state:AZ, org:eu
    type TEXT NOT NULL,                  -- person | state | organization
    name TEXT NOT NULL,
    data TEXT NOT NULL                   -- JSON: forms, roles, parties, agreements, reasons
);
CREATE TABLE IF NOT EXISTS entity_names (
    entity_id TEXT NOT NULL REFERENCES entities(id),
    folded TEXT NOT NULL,                -- a name form, folded, for look-up by name
    PRIMARY KEY (folded, entity_id)
);
