-- Organisations are public bodies and civil-society organisations (CSOs). People
-- belong to organisations with a role; a body is an organisation that can own
-- feedback, petitions, consultations and commitments.

CREATE TYPE organisation_kind AS ENUM ('body', 'cso');

CREATE TABLE organisation (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        organisation_kind NOT NULL,
  -- Stable public address: /bodies/<slug>.
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  name_mn     text NOT NULL CHECK (length(name_mn) BETWEEN 2 AND 300),
  name_en     text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 300),
  -- Public contact address of the organisation itself (not of a person).
  email       text,
  website     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TYPE body_type AS ENUM (
  'parliament',          -- State Great Khural
  'standing_committee',  -- a standing committee of parliament
  'ministry',
  'agency',
  'hotline',             -- e.g. the 11-11 Citizen Feedback Centre
  'governor_office',     -- aimag, soum, düüreg or khoroo governor's office
  'khural'               -- aimag, soum or düüreg citizens' representative khural
);

CREATE TABLE body (
  organisation_id  integer PRIMARY KEY REFERENCES organisation (id),
  body_type        body_type NOT NULL,
  -- Escalation goes to the superior body; NULL at the top of a hierarchy.
  superior_body_id integer REFERENCES body (organisation_id),
  -- The unit a local body governs (a governor's office of aimag 21 has '21'); NULL for national bodies.
  place_code       text REFERENCES place (code),
  CHECK (superior_body_id IS NULL OR superior_body_id <> organisation_id)
);

CREATE INDEX body_superior_idx ON body (superior_body_id);
CREATE INDEX body_place_code_idx ON body (place_code);

-- The places a body serves (a ministry serves the whole country: no rows, see routing rules).
CREATE TABLE body_place (
  body_id    integer NOT NULL REFERENCES body (organisation_id),
  place_code text NOT NULL REFERENCES place (code),
  PRIMARY KEY (body_id, place_code)
);
CREATE INDEX body_place_place_idx ON body_place (place_code);
