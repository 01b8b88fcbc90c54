-- Platform administration. Routing rules are configuration: an admin may add a rule,
-- send it to another body or delete it, and the rule row changes or disappears. Who
-- changed where complaints go, and when, must still be answerable afterwards ("why did
-- my soum's complaints go to the 11-11 centre last month?"), so every change leaves a
-- row here. The trail is private: it names the admin's account.

CREATE TYPE routing_rule_change_action AS ENUM ('created', 'body_changed', 'deleted');

CREATE TABLE routing_rule_change (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- No foreign key: the rule itself may have been deleted since.
  rule_id        integer NOT NULL,
  action         routing_rule_change_action NOT NULL,
  -- The rule's pair as it was (NULL: any category; NULL place: the whole country).
  category_id    integer REFERENCES category (id),
  place_code     text REFERENCES place (code),
  -- The body before the change (NULL when created) and after it (NULL once deleted).
  body_before_id integer REFERENCES body (organisation_id),
  body_after_id  integer REFERENCES body (organisation_id),
  -- Who made the change; NULL for command-line tools and seeds.
  changed_by     integer REFERENCES account (id),
  changed_at     timestamptz NOT NULL,
  CHECK ((action = 'created') = (body_before_id IS NULL)),
  CHECK ((action = 'deleted') = (body_after_id IS NULL))
);
-- A rule's own history on its edit page (the newest changes overall come from the key).
CREATE INDEX routing_rule_change_rule_idx ON routing_rule_change (rule_id, id);

-- A trail that can be edited proves nothing: rows are only ever added.
CREATE FUNCTION routing_rule_change_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'routing_rule_change is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER routing_rule_change_append_only BEFORE UPDATE OR DELETE ON routing_rule_change
  FOR EACH ROW EXECUTE FUNCTION routing_rule_change_is_append_only();

-- The routing list filters by body ("everything the Khovd aimag office answers");
-- routing_rule had no index on body_id.
CREATE INDEX routing_rule_body_idx ON routing_rule (body_id);
