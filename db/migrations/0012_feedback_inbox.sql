-- The body inbox, the operator console and moderation at a million items
-- (src/modules/feedback/inbox/). Each index was added after EXPLAIN ANALYZE on 1,000,000
-- generated items, where the 11-11 centre held 150,000 items with 35,000 still open, showed
-- a filter walking or sorting a whole body's items. Open items are a small share of the
-- table, so the indexes limited to them stay small and cheap to keep up.

-- The "answered and closed" tab, newest first, and its count on the tab. The index of
-- 0006 on (body_id, received_at) covers every status, so counting a body's answered items
-- visited each of its 115,000 rows in the heap (60 ms). The filter columns are included
-- so that the tab's page of ids, filtered by category, place or assignee, is found by an
-- index-only scan; without them a rare category in a large body meant a bitmap of all
-- that category's items across the country, then the heap (30 ms).
CREATE INDEX feedback_item_inbox_done_idx ON feedback_item (body_id, received_at DESC, id DESC)
  INCLUDE (category_id, place_code, assignee_id, status)
  WHERE status IN ('answered', 'closed');

-- "Assigned to me": a colleague with 10 open items among the body's 35,000 meant walking
-- the whole deadline index and the heap behind it (28 ms). Per assignee it is a few rows.
CREATE INDEX feedback_item_inbox_assignee_idx ON feedback_item (assignee_id, due_at, id)
  WHERE status IN ('received', 'assigned', 'in_progress') AND assignee_id IS NOT NULL;

-- The place filter, by aimag (or the capital) and by soum (or düüreg), in deadline order.
-- A prefix range on place_code cannot return rows in due_at order, so every open item of
-- the body in that aimag was fetched and sorted (11 ms for 1,300 rows, and the capital
-- holds about half of all items). On exactly the expressions the inbox query uses, these
-- walk one place's open items by deadline and stop after a page; a bagh or khoroo filter
-- walks its soum's entries.
CREATE INDEX feedback_item_inbox_aimag_idx ON feedback_item (body_id, left(place_code, 2), due_at, id)
  WHERE status IN ('received', 'assigned', 'in_progress');
CREATE INDEX feedback_item_inbox_soum_idx ON feedback_item (body_id, left(place_code, 4), due_at, id)
  WHERE status IN ('received', 'assigned', 'in_progress');

-- The operator console lists an operator's latest filings for callers who ring back;
-- without it a new operator's list scanned the table by date looking for their rows.
CREATE INDEX feedback_item_operator_idx ON feedback_item (operator_id, received_at DESC, id DESC)
  WHERE operator_id IS NOT NULL;
