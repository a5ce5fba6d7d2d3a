-- Grain: one row per calendar day (Asia/Shanghai) from the first to the last current article. Key: date.
-- A view: always consistent with the current articles, nothing to maintain at publish.
-- Columns:
--   date: Calendar day in Asia/Shanghai
--   year: Calendar year
--   quarter: 1-4
--   month: 1-12
--   day: Day of month 1-31
--   iso_year: ISO 8601 week-numbering year
--   iso_week: ISO 8601 week 1-53
--   weekday: ISO day of week: 1 = Monday .. 7 = Sunday
--   weekday_name: English day name
--   is_weekend: Saturday or Sunday (official make-up working days are not modelled)
--   n_articles: Current articles published that day
CREATE OR REPLACE VIEW marts.dates AS
WITH days AS (
    SELECT timezone('Asia/Shanghai', published_at)::DATE AS date FROM marts.articles
    WHERE published_at IS NOT NULL),
span AS (
    SELECT unnest(generate_series(min(date), max(date), INTERVAL 1 DAY))::DATE AS date
    FROM days HAVING count(*) > 0),
counts AS (SELECT date, count(*) AS n FROM days GROUP BY date)
SELECT s.date, year(s.date) AS year, quarter(s.date) AS quarter, month(s.date) AS month,
       day(s.date) AS day, isoyear(s.date) AS iso_year, week(s.date) AS iso_week,
       isodow(s.date) AS weekday, dayname(s.date) AS weekday_name, isodow(s.date) >= 6 AS is_weekend,
       coalesce(c.n, 0)::INTEGER AS n_articles
FROM span s LEFT JOIN counts c USING (date);
COMMENT ON VIEW marts.dates IS 'Calendar dimension (grain: day; key: date) covering every day between the first and last published_at of current articles, in Asia/Shanghai, days without articles included. Computed when queried.';
