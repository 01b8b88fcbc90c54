-- Consultation pages count comments by article and by answer on every view (a national
-- law draws tens of thousands of comments). The answer's category is kept on the comment
-- too, set in the same statement as answer_id, so the counts need no join, and one
-- covering index lets them be read without touching the table.

ALTER TABLE consultation_comment ADD COLUMN answer_category consultation_answer_category;

UPDATE consultation_comment cc SET answer_category = a.category FROM consultation_answer a WHERE a.id = cc.answer_id;

ALTER TABLE consultation_comment
  ADD CONSTRAINT consultation_comment_answer_category_check CHECK ((answer_category IS NULL) = (answer_id IS NULL));

-- Per-article figures of published comments (one index-only scan for the whole draft).
CREATE INDEX consultation_comment_figures_idx ON consultation_comment (consultation_id, article_unit_id, unit_id)
  INCLUDE (answer_category, organisation_id, channel, support_count, first_answered_at, place_code)
  WHERE status = 'published';

-- Comments that are not (or no longer) published, counted per consultation: held, reported, rejected, removed.
CREATE INDEX consultation_comment_unpublished_idx ON consultation_comment (consultation_id, status) WHERE status <> 'published' OR needs_review;

-- The report's data changes with every comment, answer, version and moderation decision;
-- its fingerprint reads the latest answer of a consultation by this index.
CREATE INDEX consultation_answer_consultation_idx ON consultation_answer (consultation_id, id);

-- A report's PDF, kept with the fingerprint of the data it was printed from: a long
-- consultation's PDF takes Chromium tens of seconds, so the final report is printed in the
-- background when the consultation finishes and served from here while the data is the same.
CREATE TABLE consultation_report_pdf (
  consultation_id integer NOT NULL REFERENCES consultation (id),
  lang            text NOT NULL CHECK (lang IN ('mn', 'en')),
  fingerprint     text NOT NULL,
  pdf             bytea NOT NULL,
  rendered_at     timestamptz NOT NULL,
  PRIMARY KEY (consultation_id, lang)
);
