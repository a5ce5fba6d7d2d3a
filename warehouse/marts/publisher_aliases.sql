-- Grain: one row per publisher spelling that maps to a canonical name. Key: alias.
CREATE TABLE IF NOT EXISTS marts.publisher_aliases (
    alias VARCHAR NOT NULL,
    name VARCHAR NOT NULL
);
COMMENT ON TABLE marts.publisher_aliases IS 'Publisher spellings and their canonical name (grain: spelling; key: alias), after brackets and whitespace are stripped. Curated; add rows to merge more variants.';
COMMENT ON COLUMN marts.publisher_aliases.alias IS 'Publisher as found, without brackets and whitespace';
COMMENT ON COLUMN marts.publisher_aliases.name IS 'Canonical publisher name (marts.publishers.name)';
INSERT INTO marts.publisher_aliases
SELECT * FROM (VALUES
    ('东财', '东方财富网'), ('东方财富', '东方财富网'), ('东方财富网', '东方财富网'),
    ('东财滚动新闻', '东方财富网'), ('Eastmoney', '东方财富网'), ('eastmoney', '东方财富网'),
    ('齐鲁晚报网', '齐鲁晚报'), ('齐鲁晚报新闻', '齐鲁晚报'),
    ('新华网', '新华社'), ('新华社客户端', '新华社'),
    ('人民网', '人民日报'), ('央视新闻客户端', '央视新闻'),
    ('证券时报网', '证券时报'), ('证券时报·e公司', '证券时报'),
    ('中国证券报·中证网', '中国证券报'), ('中证网', '中国证券报'),
    ('上海证券报·中国证券网', '上海证券报'), ('中国证券网', '上海证券报'),
    ('财联社APP', '财联社')) v(alias, name)
WHERE alias NOT IN (SELECT alias FROM marts.publisher_aliases);
