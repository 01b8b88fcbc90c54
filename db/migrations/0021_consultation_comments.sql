-- Comments on consultations, the body's answers, supports, moderation, public hearings,
-- links from a new version's changes to the comments they answer, and who follows a
-- consultation. Identities stay private: the public sees "a citizen" or the
-- organisation a CSO member commented for.

CREATE TYPE consultation_channel AS ENUM ('web', 'hearing');
CREATE TYPE consultation_comment_status AS ENUM ('pending', 'published', 'rejected', 'removed');
CREATE TYPE consultation_answer_category AS ENUM ('accepted', 'partly_accepted', 'not_accepted');

-- Public hearings of a consultation: when, where, how to take part, and their minutes.
CREATE TABLE consultation_hearing (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id  integer NOT NULL REFERENCES consultation (id),
  starts_at        timestamptz NOT NULL,
  place            text NOT NULL CHECK (length(place) BETWEEN 1 AND 300),
  how_to_join      text NOT NULL DEFAULT '' CHECK (length(how_to_join) <= 2000),
  minutes          text CHECK (length(minutes) <= 50000),
  minutes_added_at timestamptz,
  created_by       integer REFERENCES account (id),
  created_at       timestamptz NOT NULL,
  CHECK ((minutes IS NULL) = (minutes_added_at IS NULL))
);
CREATE INDEX consultation_hearing_consultation_idx ON consultation_hearing (consultation_id, starts_at);

-- One answer can answer several similar comments at once (bulk answering).
CREATE TABLE consultation_answer (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id integer NOT NULL REFERENCES consultation (id),
  category        consultation_answer_category NOT NULL,
  -- A reason in words is what the law asks for; "not accepted" alone is no answer.
  reason          text NOT NULL CHECK (length(reason) BETWEEN 1 AND 5000),
  answered_by     integer NOT NULL REFERENCES account (id),
  answered_at     timestamptz NOT NULL
);

CREATE TABLE consultation_comment (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id   integer NOT NULL REFERENCES consultation (id),
  -- The version the commenter read.
  version_id        integer NOT NULL REFERENCES consultation_version (id),
  -- The article, paragraph or point; NULL for a comment on the draft as a whole.
  unit_id           integer REFERENCES consultation_unit (id),
  -- The article it counts towards (the unit itself for an article).
  article_unit_id   integer REFERENCES consultation_unit (id),
  -- The citizen who wrote it (web); never shown in public, never exported.
  author_id         integer REFERENCES account (id),
  -- A CSO the author (or the hearing speaker) spoke for: shown as the organisation.
  organisation_id   integer REFERENCES organisation (id),
  -- Staff member who typed in a comment made at a public hearing.
  entered_by        integer REFERENCES account (id),
  channel           consultation_channel NOT NULL,
  hearing_id        integer REFERENCES consultation_hearing (id),
  -- Aimag or the capital (2-digit code) the commenter named, for totals by aimag only.
  place_code        text REFERENCES place (code) CHECK (place_code IS NULL OR length(place_code) = 2),
  text              text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
  status            consultation_comment_status NOT NULL,
  -- Why automatic screening held it for a moderator ('personal_data', 'link').
  held_reason       text,
  -- Someone reported it: it waits for a moderator's look, still visible.
  needs_review      boolean NOT NULL DEFAULT false,
  support_count     integer NOT NULL DEFAULT 0 CHECK (support_count >= 0),
  -- The current answer; earlier ones stay in consultation_comment_answer.
  answer_id         integer REFERENCES consultation_answer (id),
  first_answered_at timestamptz,
  created_at        timestamptz NOT NULL,
  published_at      timestamptz,
  CHECK ((channel = 'web') = (author_id IS NOT NULL)),
  CHECK ((channel = 'hearing') = (hearing_id IS NOT NULL AND entered_by IS NOT NULL)),
  CHECK ((answer_id IS NULL) = (first_answered_at IS NULL)),
  CHECK ((unit_id IS NULL) = (article_unit_id IS NULL))
);
-- Article pages and per-article counts: published comments of an article, in order.
CREATE INDEX consultation_comment_article_idx ON consultation_comment (consultation_id, article_unit_id, id) WHERE status = 'published';
-- The answer queue and "cannot finish while unanswered": published comments without an answer.
CREATE INDEX consultation_comment_unanswered_idx ON consultation_comment (consultation_id, id) WHERE status = 'published' AND answer_id IS NULL;
-- Moderators' queue: held comments and reported ones.
CREATE INDEX consultation_comment_moderation_idx ON consultation_comment (created_at, id) WHERE status = 'pending' OR needs_review;
-- A person's own comments (their markers on pages, the daily limit).
CREATE INDEX consultation_comment_author_idx ON consultation_comment (author_id, consultation_id, created_at) WHERE author_id IS NOT NULL;
CREATE INDEX consultation_comment_answer_idx ON consultation_comment (answer_id) WHERE answer_id IS NOT NULL;

-- Every answer a comment was given, in order: a revised answer keeps the earlier one readable.
CREATE TABLE consultation_comment_answer (
  comment_id integer NOT NULL REFERENCES consultation_comment (id),
  answer_id  integer NOT NULL REFERENCES consultation_answer (id),
  PRIMARY KEY (comment_id, answer_id)
);
CREATE INDEX consultation_comment_answer_answer_idx ON consultation_comment_answer (answer_id);

-- A redacted comment's words before the moderator removed personal data (moderators only).
CREATE TABLE consultation_comment_original (
  comment_id integer PRIMARY KEY REFERENCES consultation_comment (id),
  text       text NOT NULL
);

-- One support per person per comment: the primary key enforces it, whatever the code does.
CREATE TABLE consultation_support (
  comment_id integer NOT NULL REFERENCES consultation_comment (id),
  account_id integer NOT NULL REFERENCES account (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (comment_id, account_id)
);
CREATE INDEX consultation_support_account_idx ON consultation_support (account_id);

-- Reports of a comment to the moderators, one per person.
CREATE TABLE consultation_comment_flag (
  comment_id integer NOT NULL REFERENCES consultation_comment (id),
  account_id integer NOT NULL REFERENCES account (id),
  reason     text NOT NULL CHECK (length(reason) <= 40),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (comment_id, account_id)
);

CREATE TYPE consultation_moderation_decision AS ENUM ('published', 'redacted', 'rejected', 'removed', 'kept');

-- Every moderation decision with its reason; counted in public, never edited.
CREATE TABLE consultation_moderation (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  comment_id   integer NOT NULL REFERENCES consultation_comment (id),
  decision     consultation_moderation_decision NOT NULL,
  reason       text NOT NULL CHECK (reason IN ('ok', 'abuse', 'personal_data', 'off_topic', 'spam', 'duplicate')),
  note         text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  moderator_id integer NOT NULL REFERENCES account (id),
  decided_at   timestamptz NOT NULL
);
CREATE INDEX consultation_moderation_comment_idx ON consultation_moderation (comment_id, id);

-- Which comments each change of a new version answers: per article unit, or the
-- version as a whole (unit NULL) for accepted comments on the draft as a whole.
CREATE TABLE consultation_change_link (
  version_id integer NOT NULL REFERENCES consultation_version (id),
  unit_id    integer REFERENCES consultation_unit (id),
  comment_id integer NOT NULL REFERENCES consultation_comment (id),
  PRIMARY KEY (version_id, comment_id)
);
CREATE INDEX consultation_change_link_unit_idx ON consultation_change_link (version_id, unit_id);

-- Answers, moderation decisions and change links are the record of the discussion:
-- rows are only ever added.
CREATE FUNCTION consultation_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER consultation_answer_append_only BEFORE UPDATE OR DELETE ON consultation_answer
  FOR EACH ROW EXECUTE FUNCTION consultation_record_is_append_only();
CREATE TRIGGER consultation_comment_answer_append_only BEFORE UPDATE OR DELETE ON consultation_comment_answer
  FOR EACH ROW EXECUTE FUNCTION consultation_record_is_append_only();
CREATE TRIGGER consultation_moderation_append_only BEFORE UPDATE OR DELETE ON consultation_moderation
  FOR EACH ROW EXECUTE FUNCTION consultation_record_is_append_only();
CREATE TRIGGER consultation_change_link_append_only BEFORE UPDATE OR DELETE ON consultation_change_link
  FOR EACH ROW EXECUTE FUNCTION consultation_record_is_append_only();

CREATE TYPE consultation_subscription_state AS ENUM ('following', 'muted');

-- Who hears about a consultation: followers, and commenters (who follow automatically
-- unless they opted out). 'muted' remembers an opt-out so commenting again does not undo it.
CREATE TABLE consultation_subscription (
  consultation_id integer NOT NULL REFERENCES consultation (id),
  account_id      integer NOT NULL REFERENCES account (id),
  state           consultation_subscription_state NOT NULL,
  -- Random secret of the unsubscribe link in every email (works without signing in).
  token           text NOT NULL CHECK (length(token) BETWEEN 16 AND 64),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (consultation_id, account_id)
);
-- Emails about a new version go to the followers of one consultation.
CREATE INDEX consultation_subscription_following_idx ON consultation_subscription (consultation_id) WHERE state = 'following';
CREATE INDEX consultation_subscription_account_idx ON consultation_subscription (account_id);
