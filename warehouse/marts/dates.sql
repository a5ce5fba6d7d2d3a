-- Grain: one row per calendar day (Asia/Shanghai) from the first to the last current article. Key: date.
CREATE TABLE IF NOT EXISTS marts.dates (
    date DATE PRIMARY KEY,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL,
    month INTEGER NOT NULL,
    day INTEGER NOT NULL,
    iso_year INTEGER NOT NULL,
    iso_week INTEGER NOT NULL,
    weekday INTEGER NOT NULL,
    weekday_name VARCHAR NOT NULL,
    is_weekend BOOLEAN NOT NULL,
    n_articles INTEGER NOT NULL
);
COMMENT ON TABLE marts.dates IS 'Calendar dimension (grain: day; key: date) covering every day between the first and last published_at of current articles, in Asia/Shanghai, days without articles included. Recomputed at each publish.';
COMMENT ON COLUMN marts.dates.date IS 'Calendar day in Asia/Shanghai';
COMMENT ON COLUMN marts.dates.year IS 'Calendar year';
COMMENT ON COLUMN marts.dates.quarter IS '1-4';
COMMENT ON COLUMN marts.dates.month IS '1-12';
COMMENT ON COLUMN marts.dates.day IS 'Day of month 1-31';
COMMENT ON COLUMN marts.dates.iso_year IS 'ISO 8601 week-numbering year';
COMMENT ON COLUMN marts.dates.iso_week IS 'ISO 8601 week 1-53';
COMMENT ON COLUMN marts.dates.weekday IS 'ISO day of week: 1 = Monday .. 7 = Sunday';
COMMENT ON COLUMN marts.dates.weekday_name IS 'English day name';
COMMENT ON COLUMN marts.dates.is_weekend IS 'Saturday or Sunday (official make-up working days are not modelled)';
COMMENT ON COLUMN marts.dates.n_articles IS 'Current articles published that day';

-- @publish
DELETE FROM marts.dates;
INSERT INTO marts.dates
WITH days AS (
    SELECT timezone('Asia/Shanghai', published_at)::DATE AS date FROM marts.articles
    WHERE published_at IS NOT NULL),
span AS (
    SELECT unnest(generate_series(min(date), max(date), INTERVAL 1 DAY))::DATE AS date
    FROM days HAVING count(*) > 0),
counts AS (SELECT date, count(*) AS n FROM days GROUP BY date)
SELECT s.date, year(s.date), quarter(s.date), month(s.date), day(s.date), isoyear(s.date),
       week(s.date), isodow(s.date), dayname(s.date), isodow(s.date) >= 6,
       coalesce(c.n, 0)::INTEGER
FROM span s LEFT JOIN counts c USING (date);
