-- Grain: one row per quantity stated in a sentence. Key: (load_id, article_id, paragraph_ordinal, sentence_ordinal, start).
CREATE TABLE IF NOT EXISTS staging.figures (
    load_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    paragraph_ordinal INTEGER NOT NULL,
    sentence_ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,            -- character offset in the sentence
    raw VARCHAR NOT NULL,              -- as printed, approximation markers included: 约860余亩
    value DOUBLE NOT NULL,             -- the number as printed: 3.2 in 3.2亿元
    unit VARCHAR,                      -- as printed with its magnitude: 亿元, 万㎡, 亩; NULL for bare numbers
    value_base DOUBLE NOT NULL,        -- in base_unit: 320000000
    base_unit VARCHAR,                 -- CNY, USD, m2, person, kg, day, % ...
    category VARCHAR NOT NULL,         -- money | area | people | households | count | mass | length | percent | ratio | duration | age | energy | number
    approximate BOOLEAN NOT NULL       -- 约/近/逾/余/多/+/以上/左右 forms
);
