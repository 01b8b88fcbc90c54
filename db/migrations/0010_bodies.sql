-- Bodies and organisations: names searchable in either script, a chain of superior
-- bodies that can never loop, and a private trail of who changed a body's staff.

-- Both names of an organisation in both scripts, folded (see places/transliterate.ts),
-- so "Баянзүрх", "bayanzurkh" and "Bayanzürkh District" all find the district's offices.
-- Written by the commands that create and rename organisations.
ALTER TABLE organisation ADD COLUMN search_text text NOT NULL DEFAULT '';
-- The bodies list searches any part of a name, like the place search does.
CREATE INDEX organisation_search_trgm_idx ON organisation USING gin (search_text gin_trgm_ops);

-- Escalation walks up superior bodies; a loop would send an item round for ever. The
-- commands refuse a loop with a message first; this trigger makes it impossible even
-- for a hand-written UPDATE. UNION (not UNION ALL) ends the walk on rows already seen.
CREATE FUNCTION body_refuse_superior_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.superior_body_id IS NOT NULL AND EXISTS (
    WITH RECURSIVE up (id) AS (
      SELECT NEW.superior_body_id
      UNION
      SELECT b.superior_body_id FROM body b JOIN up ON b.organisation_id = up.id
      WHERE b.superior_body_id IS NOT NULL
    )
    SELECT 1 FROM up WHERE id = NEW.organisation_id
  ) THEN
    RAISE EXCEPTION 'body % would become its own superior', NEW.organisation_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER body_superior_no_cycle BEFORE INSERT OR UPDATE OF superior_body_id ON body
  FOR EACH ROW EXECUTE FUNCTION body_refuse_superior_cycle();

CREATE TYPE membership_change_action AS ENUM ('added', 'role_changed', 'removed');

-- Who added, promoted, demoted or removed whom, and when. Staff lists are not public,
-- so neither is this trail; it answers "who gave this person access?" afterwards.
CREATE TABLE membership_change (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id integer NOT NULL REFERENCES organisation (id),
  -- The person whose membership changed.
  account_id      integer NOT NULL REFERENCES account (id),
  action          membership_change_action NOT NULL,
  -- The role after the change (NULL once removed) and before it (NULL when added).
  role            membership_role,
  previous_role   membership_role,
  -- Who made the change; NULL for the demo seed and command-line tools.
  changed_by      integer REFERENCES account (id),
  changed_at      timestamptz NOT NULL,
  CHECK ((action = 'added') = (previous_role IS NULL)),
  CHECK ((action = 'removed') = (role IS NULL))
);
-- An organisation's trail, newest last.
CREATE INDEX membership_change_organisation_idx ON membership_change (organisation_id, id);
CREATE INDEX membership_change_account_idx ON membership_change (account_id);

-- A trail that can be edited proves nothing: rows are only ever added.
CREATE FUNCTION membership_change_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'membership_change is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER membership_change_append_only BEFORE UPDATE OR DELETE ON membership_change
  FOR EACH ROW EXECUTE FUNCTION membership_change_is_append_only();
