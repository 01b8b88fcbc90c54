-- The public web side of feedback: photos held by the staged form's drafts, and indexes
-- that keep the public list fast with a million items (measured with EXPLAIN ANALYZE on
-- 1,000,000 generated rows, half of them published; see src/modules/feedback/queries.ts).

-- Photos a person adds on the staged form's photo step, already checked and stripped of
-- metadata (attachments.ts), kept with the draft until it is sent. They are bytea in
-- their own table rather than in the draft's JSON, so reading the answers does not drag
-- megabytes along; deleting a draft (on sending, or after a day) deletes its photos.
CREATE TABLE feedback_draft_attachment (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  draft_id   uuid NOT NULL REFERENCES feedback_draft (id) ON DELETE CASCADE,
  -- Shown back to the person only ("photo.jpg"), never published.
  filename   text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  media_type text NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes      bytea NOT NULL,
  width      integer NOT NULL,
  height     integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX feedback_draft_attachment_draft_idx ON feedback_draft_attachment (draft_id);

-- Drafts may hold contact details: the form deletes those untouched for a day, by age.
CREATE INDEX feedback_draft_updated_idx ON feedback_draft (updated_at);

-- Public list filtered by place. Place codes nest by prefix (aimag '11' > soum '1110' >
-- bagh '111059'), but a prefix range on place_code cannot return rows in received_at
-- order, so a large aimag (the capital holds half the items) had to be sorted whole.
-- One index per level, on exactly the expression the query uses, walks newest first.
CREATE INDEX feedback_item_public_aimag_idx ON feedback_item (left(place_code, 2), received_at DESC, id DESC) WHERE publication = 'published';
CREATE INDEX feedback_item_public_soum_idx ON feedback_item (left(place_code, 4), received_at DESC, id DESC) WHERE publication = 'published';
CREATE INDEX feedback_item_public_place_idx ON feedback_item (place_code, received_at DESC, id DESC) WHERE publication = 'published';

-- "Overdue only" and the open statuses: the few published items still waiting for an
-- answer, newest first, with the deadline at hand so the check needs no other lookup.
CREATE INDEX feedback_item_public_open_idx ON feedback_item (received_at DESC, id DESC) INCLUDE (due_at, status)
  WHERE publication = 'published' AND status IN ('received', 'assigned', 'in_progress');

-- Text search chooses between walking the newest items and the GIN index by how common
-- a word is; a longer most-common-words list makes that estimate better for real text.
ALTER TABLE feedback_item ALTER COLUMN search SET STATISTICS 1000;
