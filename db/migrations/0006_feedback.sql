-- Feedback: complaints, requests, suggestions, criticism and praise about public
-- services, routed to the responsible body by category × place, with legal deadlines.

CREATE TYPE feedback_kind AS ENUM ('complaint', 'request', 'suggestion', 'criticism', 'praise');
CREATE TYPE feedback_status AS ENUM ('received', 'assigned', 'in_progress', 'answered', 'closed');
CREATE TYPE feedback_resolution AS ENUM ('resolved', 'rejected', 'forwarded');
CREATE TYPE feedback_channel AS ENUM ('web', 'operator', 'open311', 'sms');
CREATE TYPE feedback_publication AS ENUM ('private', 'pending', 'published', 'withheld');
CREATE TYPE feedback_satisfaction AS ENUM ('satisfied', 'unsatisfied');
CREATE TYPE day_count AS ENUM ('calendar', 'working');

-- A category is a service type; its code is the Open311 service_code.
CREATE TABLE category (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code           text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{1,40}$'),
  name_mn        text NOT NULL,
  name_en        text NOT NULL,
  description_mn text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  keywords       text NOT NULL DEFAULT '',
  position       integer NOT NULL DEFAULT 0,
  active         boolean NOT NULL DEFAULT true
);

-- The categories a body says it handles (managed by its body admin).
CREATE TABLE body_category (
  body_id     integer NOT NULL REFERENCES body (organisation_id),
  category_id integer NOT NULL REFERENCES category (id),
  PRIMARY KEY (body_id, category_id)
);

-- Routing is data: the most specific rule wins, walking the place up its hierarchy;
-- at each place a rule for the category beats a rule for any category (NULL).
-- A rule with place NULL covers the whole country.
CREATE TABLE routing_rule (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  category_id integer REFERENCES category (id),
  place_code  text REFERENCES place (code),
  body_id     integer NOT NULL REFERENCES body (organisation_id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- One rule per (category, place) pair, NULLs included.
CREATE UNIQUE INDEX routing_rule_pair_key ON routing_rule (coalesce(category_id, 0), coalesce(place_code, ''));

-- Answer periods per kind, optionally overridden per body.
CREATE TABLE deadline_rule (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind      feedback_kind NOT NULL,
  body_id   integer REFERENCES body (organisation_id),
  days      integer NOT NULL CHECK (days BETWEEN 1 AND 365),
  day_count day_count NOT NULL DEFAULT 'calendar'
);
CREATE UNIQUE INDEX deadline_rule_kind_body_key ON deadline_rule (kind, coalesce(body_id, 0));

-- Law on Citizens' Petitions and Complaints: 30 days for complaints and requests,
-- 60 for suggestions. Criticism is answered like a complaint, praise like a suggestion.
INSERT INTO deadline_rule (kind, days, day_count) VALUES
  ('complaint', 30, 'calendar'),
  ('request', 30, 'calendar'),
  ('suggestion', 60, 'calendar'),
  ('criticism', 30, 'calendar'),
  ('praise', 60, 'calendar');

CREATE TABLE api_client (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  contact_email text,
  -- SHA-256 of the key; the key itself is shown once when issued.
  key_hash      bytea NOT NULL UNIQUE,
  key_prefix    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  created_by    integer REFERENCES account (id),
  revoked_at    timestamptz
);

CREATE TABLE feedback_item (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Public tracking code: 8 characters without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
  code                text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]{8}$'),
  kind                feedback_kind NOT NULL,
  category_id         integer NOT NULL REFERENCES category (id),
  place_code          text NOT NULL REFERENCES place (code),
  -- WGS84, limited to Mongolia's bounding box.
  lat                 double precision CHECK (lat BETWEEN 41.5 AND 52.2),
  lon                 double precision CHECK (lon BETWEEN 87.7 AND 120.0),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- The submitter's own words: shown only to the responsible body.
  description         text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  -- What the public sees once a moderator publishes the item (personal data removed).
  public_summary      text CHECK (length(public_summary) <= 5000),
  language            text NOT NULL CHECK (language IN ('mn', 'en')),
  publication         feedback_publication NOT NULL,
  status              feedback_status NOT NULL DEFAULT 'received',
  resolution          feedback_resolution,
  body_id             integer NOT NULL REFERENCES body (organisation_id),
  assignee_id         integer REFERENCES account (id),
  channel             feedback_channel NOT NULL,
  submitter_id        integer REFERENCES account (id),
  -- Lets an anonymous submitter rate, reopen or escalate through a private link.
  submitter_key_hash  bytea NOT NULL,
  operator_id         integer REFERENCES account (id),
  api_client_id       integer REFERENCES api_client (id),
  received_at         timestamptz NOT NULL,
  due_at              timestamptz NOT NULL,
  extended_at         timestamptz,
  extension_reason    text,
  answered_at         timestamptz,
  answer_text         text,
  closed_at           timestamptz,
  satisfaction        feedback_satisfaction,
  rated_at            timestamptz,
  reopened_at         timestamptz,
  escalated_at        timestamptz,
  updated_at          timestamptz NOT NULL,
  -- Words of the published title and summary, both scripts, for public search.
  search              tsvector,
  CHECK ((status = 'answered') <= (resolution IS NOT NULL AND answered_at IS NOT NULL)),
  CHECK ((extended_at IS NULL) = (extension_reason IS NULL))
);

-- Body inbox: one body's open items by deadline.
CREATE INDEX feedback_item_inbox_idx ON feedback_item (body_id, due_at) WHERE status IN ('received', 'assigned', 'in_progress');
CREATE INDEX feedback_item_body_received_idx ON feedback_item (body_id, received_at DESC);
-- Public list: newest published items first, optionally narrowed by place prefix.
CREATE INDEX feedback_item_public_idx ON feedback_item (received_at DESC, id DESC) WHERE publication = 'published';
CREATE INDEX feedback_item_place_idx ON feedback_item (place_code text_pattern_ops, received_at DESC);
CREATE INDEX feedback_item_category_idx ON feedback_item (category_id, received_at DESC);
CREATE INDEX feedback_item_search_idx ON feedback_item USING gin (search) WHERE publication = 'published';
-- Moderators' queue of items waiting for publication.
CREATE INDEX feedback_item_pending_idx ON feedback_item (received_at) WHERE publication = 'pending';
CREATE INDEX feedback_item_submitter_idx ON feedback_item (submitter_id) WHERE submitter_id IS NOT NULL;

-- Contact details live apart from the item so no listing query can select them by accident.
CREATE TABLE feedback_contact (
  item_id integer PRIMARY KEY REFERENCES feedback_item (id),
  name    text CHECK (length(name) <= 120),
  email   text CHECK (length(email) <= 254),
  phone   text CHECK (length(phone) <= 20),
  CHECK (coalesce(name, email, phone) IS NOT NULL)
);

CREATE TYPE feedback_event_type AS ENUM (
  'received', 'assigned', 'started', 'forwarded', 'extended', 'answered', 'rated',
  'reopened', 'escalated', 'closed', 'published', 'withheld', 'note'
);

-- The item's full history, shown on its page; rows are never changed.
CREATE TABLE feedback_event (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id     integer NOT NULL REFERENCES feedback_item (id),
  type        feedback_event_type NOT NULL,
  at          timestamptz NOT NULL,
  -- The person who acted; never shown publicly (bodies act as the body).
  actor_id    integer REFERENCES account (id),
  body_id     integer REFERENCES body (organisation_id),
  to_body_id  integer REFERENCES body (organisation_id),
  text        text,
  -- Internal notes are visible to the body only.
  is_public   boolean NOT NULL DEFAULT true,
  data        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX feedback_event_item_idx ON feedback_event (item_id, id);

CREATE TRIGGER feedback_event_append_only BEFORE UPDATE OR DELETE ON feedback_event
  FOR EACH ROW EXECUTE FUNCTION public_record_is_append_only();

-- Photos, re-encoded on upload so location and camera metadata are gone.
CREATE TABLE feedback_attachment (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  item_id    integer NOT NULL REFERENCES feedback_item (id),
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes      bytea NOT NULL,
  width      integer NOT NULL,
  height     integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX feedback_attachment_item_idx ON feedback_attachment (item_id);

-- Answers collected by the staged web form before the last step; deleted after submission
-- or expiry, since they may hold contact details.
CREATE TABLE feedback_draft (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  data              jsonb NOT NULL DEFAULT '{}',
  channel           feedback_channel NOT NULL DEFAULT 'web',
  account_id        integer REFERENCES account (id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);

-- A replayed final step must not file the same item twice: the draft's id is kept here.
CREATE TABLE feedback_submission (
  draft_id uuid PRIMARY KEY,
  item_id  integer NOT NULL REFERENCES feedback_item (id)
);

-- Open311 clients may poll tokens/{token} for the id of a request they created.
CREATE TABLE open311_token (
  token   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id integer NOT NULL UNIQUE REFERENCES feedback_item (id)
);
