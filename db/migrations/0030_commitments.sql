-- Commitments: action plans (Mongolia's OGP National Action Plan IV, a soum's development
-- priorities) monitored by the government and by civil society side by side. A plan has
-- commitments, a commitment has milestones; the lead body reports progress on each
-- milestone, CSOs publish their own assessments on the same scale, the public comments
-- and the owner body answers. Reports and assessments are versions: a new one is added,
-- none is ever changed, so what a body said last year stays readable next to what it
-- says today.

-- The progress scale of OGP reports, lowest first (PostgreSQL orders enum values as
-- declared, so "at least substantial" is a comparison). src/modules/commitments/model.ts
-- holds the same list; a test keeps the two equal.
CREATE TYPE commitment_progress AS ENUM ('not_started_or_severe_delays', 'limited_progress', 'substantial_progress', 'completed');
CREATE TYPE commitment_plan_kind AS ENUM ('national', 'local');
-- 'import': loaded from a report file (the OGP NAP IV report); such rows may lack what the
-- printed report lacks (a status, an organisation's name), and name no account.
CREATE TYPE commitment_source AS ENUM ('platform', 'import');
CREATE TYPE commitment_party_role AS ENUM ('lead', 'partner');

-- Texts of content come in Mongolian, English or both (an imported English report has no
-- Mongolian until someone translates it); each pair needs at least one.
CREATE TABLE commitment_plan (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Public address: /commitments/<slug>.
  slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
  kind             commitment_plan_kind NOT NULL,
  title_mn         text CHECK (length(title_mn) BETWEEN 2 AND 500),
  title_en         text CHECK (length(title_en) BETWEEN 2 AND 500),
  -- The body that owns the plan and answers comments on it (the Cabinet Secretariat for NAP IV).
  owner_body_id    integer NOT NULL REFERENCES body (organisation_id),
  -- A local plan's soum or khoroo; NULL for a national plan.
  place_code       text REFERENCES place (code),
  -- The period as the plan names it ('2021-2023') and as dates: milestones without a due
  -- date of their own are due at the period's end.
  period_label     text NOT NULL CHECK (length(period_label) BETWEEN 1 AND 40),
  period_start     date NOT NULL,
  period_end       date NOT NULL,
  -- The report's narrative sections, paragraphs separated by a blank line.
  introduction_mn  text,
  introduction_en  text,
  process_mn       text,
  process_en       text,
  lessons_mn       text,
  lessons_en       text,
  recommendations_mn text,
  recommendations_en text,
  -- The summary the plan's own report states ("39 of 53 milestones completed"), shown
  -- beside the figures computed from the milestones, never instead of them.
  stated_commitments  integer CHECK (stated_commitments >= 0),
  stated_milestones   integer CHECK (stated_milestones >= 0),
  stated_completed    integer CHECK (stated_completed >= 0),
  stated_in_progress  integer CHECK (stated_in_progress >= 0),
  stated_not_started  integer CHECK (stated_not_started >= 0),
  stated_note         text,
  -- What an imported report says beyond this model (publisher, IRM recommendations, the
  -- source file's conventions), kept so the report can print it and the export return it.
  source_extra     jsonb NOT NULL DEFAULT '{}',
  source           commitment_source NOT NULL,
  created_at       timestamptz NOT NULL,
  -- A closed plan takes no more reports, assessments or comments.
  closed_at        timestamptz,
  CHECK (title_mn IS NOT NULL OR title_en IS NOT NULL),
  CHECK (period_end >= period_start),
  CHECK (kind = 'local' OR place_code IS NULL)
);
-- A body's page lists the plans it owns.
CREATE INDEX commitment_plan_owner_idx ON commitment_plan (owner_body_id);

CREATE TABLE commitment (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id          integer NOT NULL REFERENCES commitment_plan (id),
  -- "Commitment 3" of its plan: the number people cite, and the address.
  number           integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  title_mn         text CHECK (length(title_mn) BETWEEN 2 AND 1000),
  title_en         text CHECK (length(title_en) BETWEEN 2 AND 1000),
  -- The heading exactly as the source report printed it.
  title_as_printed text,
  objective_mn     text,
  objective_en     text,
  -- Notes of the import about this commitment (how a garbled heading was read).
  note             text,
  UNIQUE (plan_id, number),
  CHECK (title_mn IS NOT NULL OR title_en IS NOT NULL)
);

-- Lead bodies and partners (bodies or CSOs) of a commitment, in the order printed.
CREATE TABLE commitment_party (
  commitment_id    integer NOT NULL REFERENCES commitment (id),
  organisation_id  integer NOT NULL REFERENCES organisation (id),
  role             commitment_party_role NOT NULL,
  position         integer NOT NULL,
  -- The name as the source printed it ('State procurement agency'), for the export.
  name_as_printed  text,
  PRIMARY KEY (commitment_id, organisation_id)
);
-- A body's or CSO's page lists the commitments it leads or partners in.
CREATE INDEX commitment_party_organisation_idx ON commitment_party (organisation_id);

CREATE TABLE commitment_milestone (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  commitment_id    integer NOT NULL REFERENCES commitment (id),
  -- Order within the commitment (the NAP IV report does not number milestones).
  sequence         integer NOT NULL CHECK (sequence BETWEEN 1 AND 999),
  -- Both NULL only for an imported milestone whose heading the source lost.
  title_mn         text,
  title_en         text,
  -- Garbled source headings: the raw fragments, and a sentence that may be the title.
  title_raw        text,
  title_candidate  text,
  -- Staff of this body report the milestone's progress.
  lead_body_id     integer NOT NULL REFERENCES body (organisation_id),
  -- 'Ministry of Finance, State procurement agency' as printed (the export returns it).
  implementing_as_printed text,
  -- NULL: due at the end of the plan's period.
  due_on           date,
  note             text,
  -- Comments printed inside the milestone's table by others than NGOs (one in NAP IV).
  additional_comments jsonb NOT NULL DEFAULT '[]',
  UNIQUE (commitment_id, sequence),
  CHECK (title_mn IS NOT NULL OR title_en IS NOT NULL OR title_raw IS NOT NULL OR title_candidate IS NOT NULL)
);
-- Reminders and a body's work list look milestones up by lead body.
CREATE INDEX commitment_milestone_lead_idx ON commitment_milestone (lead_body_id);

-- Every organisation implementing a milestone, the lead body first.
CREATE TABLE commitment_milestone_implementer (
  milestone_id     integer NOT NULL REFERENCES commitment_milestone (id),
  organisation_id  integer NOT NULL REFERENCES organisation (id),
  position         integer NOT NULL,
  PRIMARY KEY (milestone_id, organisation_id)
);
CREATE INDEX commitment_milestone_implementer_organisation_idx ON commitment_milestone_implementer (organisation_id);

-- The government's progress reports. The current status of a milestone is its highest
-- version. 'status_up_to' is set only where a report printed OGP's combined band
-- "completed or substantial progress" (status 'substantial_progress' up to 'completed'):
-- the source does not say which of the two it was, so neither is claimed.
CREATE TABLE commitment_report (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  milestone_id     integer NOT NULL REFERENCES commitment_milestone (id),
  version          integer NOT NULL CHECK (version >= 1),
  -- NULL only for an imported report that printed no assessment.
  status           commitment_progress,
  status_up_to     commitment_progress,
  evidence         text,
  lang             text NOT NULL CHECK (lang IN ('mn', 'en')),
  links            text[] NOT NULL DEFAULT '{}',
  -- The body that reported (public); the person who wrote it is private.
  body_id          integer NOT NULL REFERENCES body (organisation_id),
  reported_by      integer REFERENCES account (id),
  reported_at      timestamptz NOT NULL,
  source           commitment_source NOT NULL,
  UNIQUE (milestone_id, version),
  CHECK (status_up_to IS NULL OR (status = 'substantial_progress' AND status_up_to = 'completed')),
  CHECK (source = 'import' OR (status IS NOT NULL AND reported_by IS NOT NULL))
);

-- Evidence files of a report (PDF or images, checked and re-encoded before they get here).
CREATE TABLE commitment_report_file (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  report_id        bigint NOT NULL REFERENCES commitment_report (id),
  filename         text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  media_type       text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
  size             integer NOT NULL CHECK (size > 0),
  bytes            bytea NOT NULL
);
CREATE INDEX commitment_report_file_report_idx ON commitment_report_file (report_id);

-- Independent assessments by CSOs, versioned per organisation: an organisation's current
-- view is its highest version. Imported NGO entries may have no organisation (the report
-- lost its name, or printed one assessment row for several NGOs) and no status (a comment
-- without an assessment); 'import_kind' keeps how the source classed the entry.
CREATE TABLE commitment_assessment (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  milestone_id     integer NOT NULL REFERENCES commitment_milestone (id),
  organisation_id  integer REFERENCES organisation (id),
  -- The name as the source printed it ('Open society forum NGO'), for the export.
  organisation_as_printed text,
  version          integer NOT NULL CHECK (version >= 1),
  status           commitment_progress,
  status_up_to     commitment_progress,
  justification    text,
  -- What the CSO found (the "Recommendations of NGOs" text of the NAP IV report).
  evidence         text,
  lang             text NOT NULL CHECK (lang IN ('mn', 'en')),
  links            text[] NOT NULL DEFAULT '{}',
  -- The date the source printed for the entry; platform entries have assessed_at only.
  assessed_on      date,
  assessed_at      timestamptz NOT NULL,
  assessed_by      integer REFERENCES account (id),
  source           commitment_source NOT NULL,
  import_kind      text,
  -- Order of imported entries within the milestone, as printed.
  position         integer NOT NULL DEFAULT 0,
  note             text,
  CHECK (status_up_to IS NULL OR (status = 'substantial_progress' AND status_up_to = 'completed')),
  CHECK (source = 'import' OR (organisation_id IS NOT NULL AND status IS NOT NULL AND justification IS NOT NULL AND assessed_by IS NOT NULL))
);
-- One version number per organisation and milestone (imported rows without an
-- organisation are each their own entry).
CREATE UNIQUE INDEX commitment_assessment_version_key ON commitment_assessment (milestone_id, organisation_id, version) WHERE organisation_id IS NOT NULL;
CREATE INDEX commitment_assessment_milestone_idx ON commitment_assessment (milestone_id, id);
CREATE INDEX commitment_assessment_organisation_idx ON commitment_assessment (organisation_id);

-- Comments received on a plan's progress (the report's appendix) and the body's answer.
-- A comment is written as an organisation (a CSO; imported text of the plan's owner is
-- the report's own statement) or by a person, who is never named in public.
CREATE TABLE commitment_comment (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id          integer NOT NULL REFERENCES commitment_plan (id),
  -- The commitment the comment is about, if one.
  commitment_id    integer REFERENCES commitment (id),
  -- The report section it was printed in ('Lessons and insights', 'Recommendations').
  section          text,
  organisation_id  integer REFERENCES organisation (id),
  author_id        integer REFERENCES account (id),
  -- An imported author that matches no organisation, as printed.
  author_as_printed text,
  text             text NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
  lang             text NOT NULL CHECK (lang IN ('mn', 'en')),
  commented_on     date,
  commented_at     timestamptz NOT NULL,
  source           commitment_source NOT NULL,
  position         integer NOT NULL DEFAULT 0,
  note             text,
  -- The answer is written once and never replaced (see the trigger below).
  answer           text CHECK (length(answer) BETWEEN 1 AND 20000),
  answer_lang      text CHECK (answer_lang IN ('mn', 'en')),
  answered_at      timestamptz,
  answer_body_id   integer REFERENCES body (organisation_id),
  answered_by      integer REFERENCES account (id),
  CHECK ((answer IS NULL) = (answered_at IS NULL) AND (answer IS NULL) = (answer_body_id IS NULL) AND (answer IS NULL) = (answer_lang IS NULL)),
  CHECK (source = 'import' OR organisation_id IS NOT NULL OR author_id IS NOT NULL)
);
CREATE INDEX commitment_comment_plan_idx ON commitment_comment (plan_id, position, id);

-- Reports, assessments and their files are history: rows are only ever added.
CREATE FUNCTION commitment_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER commitment_report_append_only BEFORE UPDATE OR DELETE ON commitment_report
  FOR EACH ROW EXECUTE FUNCTION commitment_history_is_append_only();
CREATE TRIGGER commitment_report_file_append_only BEFORE UPDATE OR DELETE ON commitment_report_file
  FOR EACH ROW EXECUTE FUNCTION commitment_history_is_append_only();
CREATE TRIGGER commitment_assessment_append_only BEFORE UPDATE OR DELETE ON commitment_assessment
  FOR EACH ROW EXECUTE FUNCTION commitment_history_is_append_only();

-- A comment is never deleted or edited; the only change allowed is giving it its answer,
-- once.
CREATE FUNCTION commitment_comment_answer_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'commitment_comment rows are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.answered_at IS NOT NULL
     OR (to_jsonb(NEW) - ARRAY['answer', 'answer_lang', 'answered_at', 'answer_body_id', 'answered_by'])
        IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['answer', 'answer_lang', 'answered_at', 'answer_body_id', 'answered_by']) THEN
    RAISE EXCEPTION 'a comment can only be answered, once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER commitment_comment_answer_once BEFORE UPDATE OR DELETE ON commitment_comment
  FOR EACH ROW EXECUTE FUNCTION commitment_comment_answer_once();

-- Reminders sent before a milestone's due date: one row per milestone, stage and due
-- date, so a job that runs twice (or late, catching up) never emails twice, and a moved
-- due date is reminded again.
CREATE TABLE commitment_reminder (
  milestone_id     integer NOT NULL REFERENCES commitment_milestone (id),
  stage            text NOT NULL CHECK (stage IN ('due_in_14_days', 'due_in_3_days')),
  due_on           date NOT NULL,
  sent_at          timestamptz NOT NULL,
  PRIMARY KEY (milestone_id, stage, due_on)
);

-- A plan file a platform admin uploaded, kept between the preview and the confirmation
-- (and deleted by either the import or the daily clean-up).
CREATE TABLE commitment_import_upload (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id       integer NOT NULL REFERENCES account (id),
  owner_body_id    integer NOT NULL REFERENCES body (organisation_id),
  slug             text NOT NULL,
  kind             commitment_plan_kind NOT NULL,
  place_code       text REFERENCES place (code),
  filename         text NOT NULL,
  document         jsonb NOT NULL,
  created_at       timestamptz NOT NULL
);
