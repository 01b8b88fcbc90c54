-- Consultations on draft laws, regulations, policies and action plans (issue 4).
-- A body publishes a draft split into chapters, articles, paragraphs and points; the
-- text is versioned (a new version is new rows, never an edit of published ones), and
-- every article and paragraph keeps one identity (a "unit") across versions, so its
-- address and its comments survive renumbering.

CREATE TYPE consultation_kind AS ENUM ('law', 'regulation', 'policy', 'action_plan');
-- 'draft': being prepared, seen only by the body; 'published': public (open for comments
-- between opens_at and closes_at); 'finished': every comment answered, report published.
CREATE TYPE consultation_status AS ENUM ('draft', 'published', 'finished');

CREATE TABLE consultation (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id        integer NOT NULL REFERENCES body (organisation_id),
  kind           consultation_kind NOT NULL,
  title_mn       text NOT NULL CHECK (length(title_mn) BETWEEN 3 AND 300),
  title_en       text CHECK (length(title_en) BETWEEN 3 AND 300),
  -- The explanatory note (танилцуулга) that goes with the draft.
  note           text NOT NULL DEFAULT '' CHECK (length(note) <= 20000),
  opens_at       timestamptz NOT NULL,
  closes_at      timestamptz NOT NULL,
  -- Answers are due this many calendar days after the period closes (30 by default).
  answer_days    integer NOT NULL DEFAULT 30 CHECK (answer_days BETWEEN 1 AND 180),
  answers_due_at timestamptz NOT NULL,
  status         consultation_status NOT NULL DEFAULT 'draft',
  created_by     integer REFERENCES account (id),
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  published_at   timestamptz,
  finished_at    timestamptz,
  CHECK (closes_at > opens_at),
  CHECK (answers_due_at > closes_at),
  CHECK ((status = 'draft') = (published_at IS NULL)),
  CHECK ((status = 'finished') = (finished_at IS NOT NULL))
);
-- A body's own list (its staff pages and its public page section), newest first.
CREATE INDEX consultation_body_idx ON consultation (body_id, created_at DESC);
-- The public list: published consultations by closing date.
CREATE INDEX consultation_public_idx ON consultation (closes_at DESC, id DESC) WHERE status <> 'draft';

-- Versions of the text. Version 1 is published with the consultation; later versions
-- answer the comments. A version is prepared (published_at NULL), then published once.
CREATE TABLE consultation_version (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id integer NOT NULL REFERENCES consultation (id),
  number          integer NOT NULL CHECK (number >= 1),
  -- What changed and why, in the body's words (required from version 2 on, in code).
  change_note     text NOT NULL DEFAULT '' CHECK (length(change_note) <= 5000),
  -- Warnings the import found (line, code, parameters), shown to staff while they review it.
  import_issues   jsonb NOT NULL DEFAULT '[]',
  created_by      integer REFERENCES account (id),
  created_at      timestamptz NOT NULL,
  published_at    timestamptz,
  UNIQUE (consultation_id, number)
);
-- At most one version in preparation at a time: two drafts would compete for "next".
CREATE UNIQUE INDEX consultation_version_draft_key ON consultation_version (consultation_id) WHERE published_at IS NULL;

CREATE TYPE consultation_element_kind AS ENUM ('preamble', 'chapter', 'article', 'paragraph', 'point');

-- The identity of an article (or chapter, paragraph, point) across versions: its stable
-- address is /consultations/<id>/articles/<unit id>, whatever its number in a version.
CREATE TABLE consultation_unit (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  consultation_id integer NOT NULL REFERENCES consultation (id),
  kind            consultation_element_kind NOT NULL
);
CREATE INDEX consultation_unit_consultation_idx ON consultation_unit (consultation_id);

-- One version's text, in reading order. Paragraphs and points name the article they
-- belong to, so comments on them count towards the article.
CREATE TABLE consultation_element (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version_id      integer NOT NULL REFERENCES consultation_version (id),
  unit_id         integer NOT NULL REFERENCES consultation_unit (id),
  position        integer NOT NULL CHECK (position >= 0),
  kind            consultation_element_kind NOT NULL,
  -- "3" for an article, "3.1" for a paragraph, "3.1.2" for a point, "2" for a chapter.
  number          text NOT NULL DEFAULT '' CHECK (length(number) <= 20),
  heading         text NOT NULL DEFAULT '' CHECK (length(heading) <= 500),
  body            text NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
  article_unit_id integer REFERENCES consultation_unit (id),
  chapter_unit_id integer REFERENCES consultation_unit (id),
  -- Line of the imported text it came from, to point at it when something is wrong.
  source_line     integer,
  UNIQUE (version_id, position),
  UNIQUE (version_id, unit_id)
);
-- Articles of a version in order (table of contents) without reading paragraphs.
CREATE INDEX consultation_element_article_idx ON consultation_element (version_id, article_unit_id, position);

-- A published version is a public record: its row and its text can no longer change.
CREATE FUNCTION consultation_version_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'consultation version % is published and cannot be deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'consultation version % is published and cannot be changed', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER consultation_version_frozen BEFORE UPDATE OR DELETE ON consultation_version
  FOR EACH ROW EXECUTE FUNCTION consultation_version_is_frozen();

CREATE FUNCTION consultation_element_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.version_id ELSE NEW.version_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM consultation_version WHERE id = target AND published_at IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM consultation_version WHERE id = OLD.version_id AND published_at IS NOT NULL)) THEN
    RAISE EXCEPTION 'the text of a published consultation version cannot change (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER consultation_element_frozen BEFORE INSERT OR UPDATE OR DELETE ON consultation_element
  FOR EACH ROW EXECUTE FUNCTION consultation_element_is_frozen();
