-- Responsiveness statistics. Counting a million items on every page view is too slow,
-- so items are rolled up per month of receipt (Ulaanbaatar time), responsible body, soum
-- and category. A background step recomputes only the months whose items changed.
-- "Overdue now" is not rolled up: it is counted live from the open-items index.

CREATE TABLE feedback_stats_month (
  month            date NOT NULL CHECK (extract(day FROM month) = 1),
  body_id          integer NOT NULL REFERENCES body (organisation_id),
  -- The item's place at soum/düüreg level (or the aimag code for aimag-level items).
  soum_code        text NOT NULL,
  category_id      integer NOT NULL REFERENCES category (id),
  received         integer NOT NULL,
  answered         integer NOT NULL,
  answered_on_time integer NOT NULL,
  extended         integer NOT NULL,
  satisfied        integer NOT NULL,
  unsatisfied      integer NOT NULL,
  PRIMARY KEY (month, body_id, soum_code, category_id)
);
CREATE INDEX feedback_stats_month_body_idx ON feedback_stats_month (body_id, month);
CREATE INDEX feedback_stats_month_place_idx ON feedback_stats_month (soum_code text_pattern_ops, month);

-- Days from receipt to answer, as a histogram, so medians can be computed for any grouping.
CREATE TABLE feedback_stats_answer_days (
  month     date NOT NULL,
  body_id   integer NOT NULL REFERENCES body (organisation_id),
  soum_code text NOT NULL,
  days      integer NOT NULL CHECK (days >= 0),
  n         integer NOT NULL,
  PRIMARY KEY (month, body_id, soum_code, days)
);
CREATE INDEX feedback_stats_answer_days_place_idx ON feedback_stats_answer_days (soum_code text_pattern_ops, month);

-- How far the rollup has read: items updated after this are re-counted.
CREATE TABLE feedback_stats_state (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  watermark   timestamptz,
  refreshed_at timestamptz
);
INSERT INTO feedback_stats_state (id) VALUES (true);

-- Monthly figures published to the public record, once per body and month.
CREATE TABLE feedback_stats_publication (
  month        date NOT NULL,
  body_id      integer NOT NULL REFERENCES body (organisation_id),
  published_at timestamptz NOT NULL,
  PRIMARY KEY (month, body_id)
);

-- The refresher finds changed months by update time, then re-reads one month at a time.
CREATE INDEX feedback_item_updated_idx ON feedback_item (updated_at);
CREATE INDEX feedback_item_received_idx ON feedback_item (received_at);
