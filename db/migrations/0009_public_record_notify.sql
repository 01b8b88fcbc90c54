-- Wakes the public-record chainer as soon as events commit, instead of leaving them to
-- its next timer tick. One NOTIFY per inserting statement (not per row); PostgreSQL
-- delivers it at commit and folds duplicates within a transaction, so a command that
-- appends several events sends one wake-up. The chainer still polls on a timer, so a
-- lost notification (chainer reconnecting) only delays chaining by a tick.

CREATE FUNCTION public_record_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('public_record', '');
  RETURN NULL;
END $$;

CREATE TRIGGER public_event_notify AFTER INSERT ON public_event
  FOR EACH STATEMENT EXECUTE FUNCTION public_record_notify();
