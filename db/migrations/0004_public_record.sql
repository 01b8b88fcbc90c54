-- The public record: every public change, appended and never updated or deleted.
-- Writers only INSERT into public_event; a background chainer links events in commit
-- order into public_event_chain, each link carrying the hash of the previous one, so
-- concurrent writers never wait on one another and anyone can verify the history.
-- Personal data never enters these tables (payloads are checked by schema in code).

CREATE TABLE public_event (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  type        text NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
  -- What the event is about, as a public path: 'feedback/K7M4TRX9', 'body/mof'.
  subject     text NOT NULL CHECK (subject ~ '^[a-z0-9_]+/[A-Za-z0-9_.-]+$'),
  payload     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX public_event_subject_idx ON public_event (subject, id);
CREATE INDEX public_event_type_idx ON public_event (type, id);

-- Events waiting for the chainer; rows leave this queue once linked.
CREATE TABLE public_event_pending (
  event_id bigint PRIMARY KEY REFERENCES public_event (id)
);

CREATE TABLE public_event_chain (
  seq        bigint PRIMARY KEY CHECK (seq >= 1),
  event_id   bigint NOT NULL UNIQUE REFERENCES public_event (id),
  prev_hash  bytea NOT NULL CHECK (length(prev_hash) = 32),
  hash       bytea NOT NULL CHECK (length(hash) = 32),
  chained_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION public_event_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public_event_pending (event_id) VALUES (NEW.id);
  RETURN NEW;
END $$;

CREATE TRIGGER public_event_enqueue AFTER INSERT ON public_event
  FOR EACH ROW EXECUTE FUNCTION public_event_enqueue();

CREATE FUNCTION public_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the public record is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER public_event_append_only BEFORE UPDATE OR DELETE ON public_event
  FOR EACH ROW EXECUTE FUNCTION public_record_is_append_only();
CREATE TRIGGER public_event_no_truncate BEFORE TRUNCATE ON public_event
  FOR EACH STATEMENT EXECUTE FUNCTION public_record_is_append_only();
CREATE TRIGGER public_event_chain_append_only BEFORE UPDATE OR DELETE ON public_event_chain
  FOR EACH ROW EXECUTE FUNCTION public_record_is_append_only();
CREATE TRIGGER public_event_chain_no_truncate BEFORE TRUNCATE ON public_event_chain
  FOR EACH STATEMENT EXECUTE FUNCTION public_record_is_append_only();
