-- The moderated public title is kept apart from the submitter's own title, so the body
-- always sees what the person wrote while the public sees the redacted version.
ALTER TABLE feedback_item ADD COLUMN public_title text CHECK (length(public_title) <= 200);
