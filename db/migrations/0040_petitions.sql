-- Petitions: a citizen's request to a public body that gathers supporters, passes
-- moderation against published standards, is open for votes for a fixed period and
-- climbs a ladder of thresholds, each step with a consequence and a body that must act
-- by a due date. Signers' identities are never stored in clear: a person is a keyed
-- hash of their registry number (the key lives outside the database, see secrets.ts).

CREATE TYPE petition_state AS ENUM (
  'draft',       -- the creator is still writing; only they see it
  'collecting',  -- text frozen; supporters sign up through the share link
  'moderation',  -- enough supporters; a moderator checks it against the standards
  'open',        -- published and open for votes until closes_at
  'closed',      -- voting ended (on time, or early at the top step); readable forever
  'rejected'     -- refused by a moderator with a reason; readable forever
);

-- Weakest first: a body's minimum level admits that level and every stronger one.
CREATE TYPE petition_verification_level AS ENUM ('email', 'sms', 'eid');

-- The published moderation standards (what a moderator may reject for).
CREATE TYPE petition_rejection_reason AS ENUM ('duplicate', 'outside_remit', 'defamatory', 'hateful', 'personal_data', 'not_action');

-- What reaching a step sets in motion.
CREATE TYPE petition_consequence AS ENUM (
  'voting_opens',        -- supporters step: the petition goes to moderation, then opens
  'response',            -- the body must publish an official response
  'working_group',       -- parliament: a working group takes it up
  'standing_committee',  -- parliament: a standing committee considers it
  'parliament_decides'   -- parliament decides on it
);

-- Per body: how long its petitions stay open and which verification its signers need.
-- Bodies without a row use the defaults of their type (ladder.ts).
CREATE TABLE petition_body_rule (
  body_id     integer PRIMARY KEY REFERENCES body (organisation_id),
  open_days   integer NOT NULL CHECK (open_days BETWEEN 1 AND 365),
  min_level   petition_verification_level NOT NULL,
  updated_at  timestamptz NOT NULL,
  updated_by  integer REFERENCES account (id)
);

-- A body's own threshold ladder, set by a platform admin. Without rows the body's type
-- default applies. Steps are ordered by position; counts must rise along the ladder
-- (checked by the command, which replaces a body's ladder as a whole).
CREATE TABLE petition_ladder_step (
  body_id         integer NOT NULL REFERENCES body (organisation_id),
  position        smallint NOT NULL CHECK (position BETWEEN 1 AND 20),
  -- 'supporters' steps count supporters before moderation; 'votes' steps count votes.
  counts          text NOT NULL CHECK (counts IN ('supporters', 'votes')),
  threshold       integer NOT NULL CHECK (threshold BETWEEN 1 AND 10000000),
  consequence     petition_consequence NOT NULL,
  -- Who must act and by when: NULL days means nothing is due (e.g. voting opens).
  act_within_days integer CHECK (act_within_days BETWEEN 1 AND 365),
  closes_voting   boolean NOT NULL DEFAULT false,
  PRIMARY KEY (body_id, position)
);

CREATE TABLE petition (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  state               petition_state NOT NULL DEFAULT 'draft',
  body_id             integer NOT NULL REFERENCES body (organisation_id),
  -- Never public: the creator is a citizen like the signers.
  creator_id          integer NOT NULL REFERENCES account (id),
  title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
  action              text NOT NULL CHECK (length(action) BETWEEN 1 AND 1000),
  background          text NOT NULL DEFAULT '' CHECK (length(background) <= 5000),
  links               text[] NOT NULL DEFAULT '{}' CHECK (cardinality(links) <= 5),
  language            text NOT NULL DEFAULT 'mn' CHECK (language IN ('mn', 'en')),
  -- Secret of the share link for supporters, stored as SHA-256 like other link secrets.
  share_key_hash      bytea,
  -- Copied from the body's rule when moderation publishes it, so later changes to the
  -- rule never alter a petition already open.
  open_days           integer,
  min_level           petition_verification_level,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  collecting_at       timestamptz,
  moderation_at       timestamptz,
  moderation_due_at   timestamptz,
  moderated_at        timestamptz,
  moderator_id        integer REFERENCES account (id),
  rejection_reason    petition_rejection_reason,
  rejection_note      text CHECK (length(rejection_note) <= 2000),
  duplicate_of        integer REFERENCES petition (id),
  opened_at           timestamptz,
  closes_at           timestamptz,
  closed_at           timestamptz,
  closed_early        boolean NOT NULL DEFAULT false,
  -- Supporters are counted on the row: they trickle in, one at a time.
  supporter_count     integer NOT NULL DEFAULT 0,
  CHECK ((state = 'rejected') = (rejection_reason IS NOT NULL)),
  CHECK (state NOT IN ('open', 'closed') OR (opened_at IS NOT NULL AND closes_at IS NOT NULL AND min_level IS NOT NULL))
);
-- The public list: open petitions first, newest first; per body for the body page.
CREATE INDEX petition_state_idx ON petition (state, opened_at DESC);
CREATE INDEX petition_body_idx ON petition (body_id, state);
CREATE INDEX petition_creator_idx ON petition (creator_id);
-- The closing job finds open petitions whose time is up.
CREATE INDEX petition_closes_idx ON petition (closes_at) WHERE state = 'open';
-- The moderation queue, oldest first.
CREATE INDEX petition_moderation_idx ON petition (moderation_at) WHERE state = 'moderation';
CREATE UNIQUE INDEX petition_share_key_idx ON petition (share_key_hash) WHERE share_key_hash IS NOT NULL;

-- Supporters before moderation: signed-in accounts with a confirmed address, once each.
CREATE TABLE petition_supporter (
  petition_id  integer NOT NULL REFERENCES petition (id),
  account_id   integer NOT NULL REFERENCES account (id),
  supported_at timestamptz NOT NULL,
  PRIMARY KEY (petition_id, account_id)
);

-- The ladder a petition climbs, copied from its body's ladder when it starts collecting.
CREATE TABLE petition_step (
  petition_id     integer NOT NULL REFERENCES petition (id),
  position        smallint NOT NULL,
  counts          text NOT NULL CHECK (counts IN ('supporters', 'votes')),
  threshold       integer NOT NULL CHECK (threshold > 0),
  consequence     petition_consequence NOT NULL,
  act_within_days integer,
  closes_voting   boolean NOT NULL DEFAULT false,
  reached_at      timestamptz,
  -- reached_at + act_within_days, at the end of that day in Ulaanbaatar.
  due_at          timestamptz,
  answered_at     timestamptz,
  PRIMARY KEY (petition_id, position),
  CHECK (due_at IS NULL OR reached_at IS NOT NULL)
);
-- The list of petitions waiting longest for an answer.
CREATE INDEX petition_step_waiting_idx ON petition_step (due_at) WHERE due_at IS NOT NULL AND answered_at IS NULL;

-- One row per vote. person_hash: keyed hash of the registry number, the same whichever
-- route verified it, so one person votes once per petition across email, SMS and e-ID.
-- contact_hash: keyed hash of what was verified (the email address, the phone number,
-- the e-ID subject), so one mailbox or phone cannot cast votes for many registry numbers.
CREATE TABLE petition_signature (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id         integer NOT NULL REFERENCES petition (id),
  person_hash         bytea NOT NULL CHECK (length(person_hash) = 32),
  contact_hash        bytea NOT NULL CHECK (length(contact_hash) = 32),
  level               petition_verification_level NOT NULL,
  -- Residence at soum or düüreg level (4 digits); the aimag is its first two.
  place_code          text NOT NULL CHECK (place_code ~ '^[0-9]{4}$'),
  signed_at           timestamptz NOT NULL,
  -- Abuse signals found when the signer was verified (disposable, burst_ip, burst_domain,
  -- burst_prefix): flagged votes count until a moderator invalidates them.
  flags               text[] NOT NULL DEFAULT '{}',
  -- Email domain or phone prefix, for moderators judging a flag (never the full address).
  contact_hint        text CHECK (length(contact_hint) <= 80),
  invalidated_at      timestamptz,
  invalidation_reason text CHECK (length(invalidation_reason) <= 500),
  invalidated_by      integer REFERENCES account (id)
);
-- The rule of one vote per person per petition, whatever the route (the vote writer's
-- ON CONFLICT DO NOTHING relies on these two).
CREATE UNIQUE INDEX petition_signature_person_key ON petition_signature (petition_id, person_hash);
CREATE UNIQUE INDEX petition_signature_contact_key ON petition_signature (petition_id, contact_hash);
-- Moderators' list of flagged votes of a petition.
CREATE INDEX petition_signature_flagged_idx ON petition_signature (petition_id, id) WHERE flags <> '{}' AND invalidated_at IS NULL;
-- The time a step was reached: the n-th valid vote in signing order.
CREATE INDEX petition_signature_order_idx ON petition_signature (petition_id, signed_at, id) WHERE invalidated_at IS NULL;

-- Counts, kept exact in the vote's own transaction. Each server process writes its own
-- shard (a random number it picked at start), so processes never queue on one counter
-- row; a count is the sum over shards. Invalidation subtracts in shard 0.
CREATE TABLE petition_count (
  petition_id integer NOT NULL REFERENCES petition (id),
  shard       smallint NOT NULL,
  votes       integer NOT NULL DEFAULT 0,
  invalidated integer NOT NULL DEFAULT 0,
  PRIMARY KEY (petition_id, shard)
);
CREATE TABLE petition_place_count (
  petition_id integer NOT NULL REFERENCES petition (id),
  place_code  text NOT NULL,
  shard       smallint NOT NULL,
  votes       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (petition_id, place_code, shard)
);
CREATE TABLE petition_hour_count (
  petition_id integer NOT NULL REFERENCES petition (id),
  hour        timestamptz NOT NULL,
  shard       smallint NOT NULL,
  votes       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (petition_id, hour, shard)
);

-- Signers who asked to be told about responses. Private: used only to send those emails.
CREATE TABLE petition_subscriber (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id integer NOT NULL REFERENCES petition (id),
  email       text NOT NULL CHECK (length(email) <= 254),
  lang        text NOT NULL CHECK (lang IN ('mn', 'en')),
  created_at  timestamptz NOT NULL,
  UNIQUE (petition_id, email)
);

CREATE TYPE petition_response_kind AS ENUM ('response', 'outcome');
CREATE TYPE petition_outcome AS ENUM ('debate', 'decision', 'rejection');

-- Official responses of the target body; published at once, never edited.
CREATE TABLE petition_response (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id   integer NOT NULL REFERENCES petition (id),
  -- The step it answers (a response); NULL for an outcome reported later.
  step_position smallint,
  kind          petition_response_kind NOT NULL,
  outcome       petition_outcome,
  text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
  responded_at  timestamptz NOT NULL,
  due_at        timestamptz,
  on_time       boolean,
  author_id     integer NOT NULL REFERENCES account (id),
  CHECK ((kind = 'outcome') = (outcome IS NOT NULL))
);
CREATE INDEX petition_response_petition_idx ON petition_response (petition_id, id);

-- Verification by SMS: a code sent to a phone, checked at most five times.
CREATE TABLE petition_sms_challenge (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The public handle in the URL is random; guessing ids finds nothing.
  handle        text NOT NULL UNIQUE,
  petition_id   integer NOT NULL REFERENCES petition (id),
  code_hash     bytea NOT NULL,
  -- The sealed vote (person, contact, residence, flags, optional email for updates).
  sealed_vote   text NOT NULL,
  attempts      smallint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz
);
CREATE INDEX petition_sms_challenge_expires_idx ON petition_sms_challenge (expires_at);

-- Verification requests per petition and key (ip:…, domain:…, prefix:…), for rate limits
-- and burst detection. Kept for a day (the clean-up job deletes older rows).
CREATE TABLE petition_verification_attempt (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  petition_id  integer NOT NULL REFERENCES petition (id),
  key          text NOT NULL CHECK (length(key) <= 120),
  attempted_at timestamptz NOT NULL
);
CREATE INDEX petition_verification_attempt_idx ON petition_verification_attempt (petition_id, key, attempted_at);
CREATE INDEX petition_verification_attempt_at_idx ON petition_verification_attempt (attempted_at);
