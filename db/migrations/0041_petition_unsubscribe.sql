-- The response emails carry an unsubscribe link; a random token names the subscription,
-- so the link works without signing in and reveals nothing about the signer.
ALTER TABLE petition_subscriber
  ADD COLUMN token text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '') CHECK (length(token) BETWEEN 16 AND 64);
CREATE UNIQUE INDEX petition_subscriber_token_idx ON petition_subscriber (token);
