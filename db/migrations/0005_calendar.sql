-- Public holidays as data: working-day deadlines skip them. Lunar holidays (Tsagaan Sar,
-- Chinggis Khaan's birthday) move every year and are added by a platform admin as the
-- Government announces them.

CREATE TABLE public_holiday (
  day     date PRIMARY KEY,
  name_mn text NOT NULL,
  name_en text NOT NULL
);

INSERT INTO public_holiday (day, name_mn, name_en)
SELECT make_date(y, m, d), name_mn, name_en
FROM generate_series(2024, 2030) AS y,
  (VALUES
    (1, 1, 'Шинэ жил', 'New Year''s Day'),
    (3, 8, 'Эмэгтэйчүүдийн баяр', 'International Women''s Day'),
    (6, 1, 'Эх үрсийн баяр', 'Mother and Child Day'),
    (7, 11, 'Үндэсний их баяр наадам', 'Naadam'),
    (7, 12, 'Үндэсний их баяр наадам', 'Naadam'),
    (7, 13, 'Үндэсний их баяр наадам', 'Naadam'),
    (7, 14, 'Үндэсний их баяр наадам', 'Naadam'),
    (7, 15, 'Үндэсний их баяр наадам', 'Naadam'),
    (11, 26, 'Бүгд Найрамдах Улс тунхагласан өдөр', 'Republic Day'),
    (12, 29, 'Үндэсний эрх чөлөө, тусгаар тогтнолоо сэргээсний баяр', 'National Freedom and Independence Day')
  ) AS fixed (m, d, name_mn, name_en);

INSERT INTO public_holiday (day, name_mn, name_en) VALUES
  ('2024-02-10', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2024-02-11', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2024-02-12', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2025-03-01', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2025-03-02', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2025-03-03', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2026-02-18', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2026-02-19', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)'),
  ('2026-02-20', 'Цагаан сар', 'Tsagaan Sar (Lunar New Year)');
