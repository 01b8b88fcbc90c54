-- Administrative units of Mongolia (national classification codes): the backbone that
-- routes feedback, decides local votes and groups every statistic.
-- Codes are hierarchical by prefix: aimag '21' > soum '2101' > bagh '210151'.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TYPE place_kind AS ENUM ('capital', 'aimag', 'duureg', 'soum', 'khoroo', 'bagh');

CREATE TABLE place (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$'),
  parent_code text REFERENCES place (code),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  kind        place_kind NOT NULL,
  name_mn     text NOT NULL,
  -- Official English name where one exists, otherwise the MNS 5217:2012 transliteration.
  name_en     text NOT NULL,
  -- Lower-cased Mongolian and Latin names together, so either script finds the place.
  search_text text NOT NULL,
  CHECK ((level = 1) = (parent_code IS NULL)),
  CHECK (parent_code IS NULL OR starts_with(code, parent_code))
);

-- The picker lists children of one parent at a time.
CREATE INDEX place_parent_idx ON place (parent_code);
-- Search-as-you-type matches any part of a name in either script.
CREATE INDEX place_search_trgm_idx ON place USING gin (search_text gin_trgm_ops);
