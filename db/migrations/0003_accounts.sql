-- Accounts, roles, memberships and sessions. Platform roles (operator, moderator,
-- platform admin) are granted to an account; body staff/admin and CSO member/admin are
-- roles within an organisation. Every account is a citizen.

CREATE TABLE account (
  id                integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email             text NOT NULL CHECK (email = lower(email) AND length(email) <= 254),
  email_verified_at timestamptz,
  password_hash     text NOT NULL,
  display_name      text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  preferred_lang    text NOT NULL DEFAULT 'mn' CHECK (preferred_lang IN ('mn', 'en')),
  created_at        timestamptz NOT NULL DEFAULT now(),
  disabled_at       timestamptz
);
CREATE UNIQUE INDEX account_email_key ON account (email);

CREATE TYPE platform_role AS ENUM ('operator', 'moderator', 'platform_admin');

CREATE TABLE account_platform_role (
  account_id integer NOT NULL REFERENCES account (id),
  role       platform_role NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  granted_by integer REFERENCES account (id),
  PRIMARY KEY (account_id, role)
);

-- 'member' is body staff or a CSO member; 'admin' also manages the organisation's people.
CREATE TYPE membership_role AS ENUM ('member', 'admin');

CREATE TABLE membership (
  account_id      integer NOT NULL REFERENCES account (id),
  organisation_id integer NOT NULL REFERENCES organisation (id),
  role            membership_role NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX membership_organisation_idx ON membership (organisation_id);

-- Only a SHA-256 of the cookie token is stored, so a copy of the table opens no session.
CREATE TABLE session (
  token_hash   bytea PRIMARY KEY,
  account_id   integer NOT NULL REFERENCES account (id),
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
-- "Sign out everywhere" deletes by account.
CREATE INDEX session_account_idx ON session (account_id);
CREATE INDEX session_expires_idx ON session (expires_at);

CREATE TYPE account_token_purpose AS ENUM ('verify_email', 'reset_password');

-- Single-use links sent by email; stored hashed like sessions.
CREATE TABLE account_token (
  token_hash bytea PRIMARY KEY,
  account_id integer NOT NULL REFERENCES account (id),
  purpose    account_token_purpose NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);

-- Failed sign-ins, counted per email and per address to slow password guessing.
CREATE TABLE login_attempt (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email        text NOT NULL,
  ip           inet NOT NULL,
  attempted_at timestamptz NOT NULL,
  succeeded    boolean NOT NULL
);
CREATE INDEX login_attempt_email_idx ON login_attempt (email, attempted_at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, attempted_at);
