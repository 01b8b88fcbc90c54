-- Indexes found missing by the benchmark (npm run bench -- feedback.pages_1m; see
-- docs/BENCHMARKS.md), each after EXPLAIN ANALYZE on 1,000,000 generated items.

-- The body inbox's category filter on the open tab, in deadline order. The open tab's
-- deadline index of 0006 (body_id, due_at) does not hold the category, so the inbox
-- walked the body's open items in deadline order and read each one from the heap to
-- test its category until a page matched. For a category the body rarely or never gets
-- (routing sends it elsewhere) that is every open item: 62 ms for the 11-11 centre's
-- 23,600 open items, against 0.1 ms with this index, which finds the page directly.
-- Limited to open items, like the deadline index, so it stays small (3.4 MB at a
-- million items) and costs little on the submission path.
CREATE INDEX feedback_item_inbox_category_idx ON feedback_item (body_id, category_id, due_at, id)
  WHERE status IN ('received', 'assigned', 'in_progress');
