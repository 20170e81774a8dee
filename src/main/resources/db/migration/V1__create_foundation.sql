-- Foundation: organization, users and credentials, jobs, blobs, encrypted secrets.
-- Dialect differences are Flyway placeholders: ${text} (H2 CLOB / PostgreSQL TEXT) and
-- ${bytes} (H2 VARBINARY / PostgreSQL BYTEA).

CREATE TABLE organization (
  id          VARCHAR(36)  PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  version     BIGINT       NOT NULL DEFAULT 1
);

CREATE TABLE app_user (
  id              VARCHAR(36)  PRIMARY KEY,
  organization_id VARCHAR(36)  NOT NULL REFERENCES organization (id),
  email           VARCHAR(320) NOT NULL,
  password_hash   VARCHAR(100) NOT NULL,
  role            VARCHAR(20)  NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at      TIMESTAMP WITH TIME ZONE,
  version         BIGINT       NOT NULL DEFAULT 1,
  CONSTRAINT app_user_role_check CHECK (role IN ('admin', 'manager', 'field_worker'))
);
CREATE UNIQUE INDEX app_user_email_idx ON app_user (email);

-- A login session: access tokens carry its id, the current refresh token's id rotates on refresh.
CREATE TABLE user_session (
  id           VARCHAR(36) PRIMARY KEY,
  user_id      VARCHAR(36) NOT NULL REFERENCES app_user (id),
  refresh_jti  VARCHAR(36) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Secrets are stored only as SHA-256 hashes (they are long random strings, so a fast hash is
-- enough); the clear value is shown once at creation.
CREATE TABLE api_key (
  id              VARCHAR(36)  PRIMARY KEY,
  organization_id VARCHAR(36)  NOT NULL REFERENCES organization (id),
  name            VARCHAR(200) NOT NULL,
  key_hash        CHAR(64)     NOT NULL,
  scopes          VARCHAR(1000) NOT NULL DEFAULT '',
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at    TIMESTAMP WITH TIME ZONE,
  revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX api_key_hash_idx ON api_key (key_hash);

CREATE TABLE client_credential (
  id                    VARCHAR(36)  PRIMARY KEY,
  organization_id       VARCHAR(36)  NOT NULL REFERENCES organization (id),
  name                  VARCHAR(200) NOT NULL,
  client_id             VARCHAR(64)  NOT NULL,
  secret_hash           CHAR(64)     NOT NULL,
  scopes                VARCHAR(1000) NOT NULL,
  rate_limited          BOOLEAN      NOT NULL DEFAULT TRUE,
  rate_per_minute       INTEGER,
  rate_per_hour         INTEGER,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at            TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX client_credential_client_id_idx ON client_credential (client_id);

CREATE TABLE job (
  id               VARCHAR(36)  PRIMARY KEY,
  organization_id  VARCHAR(36)  NOT NULL REFERENCES organization (id),
  kind             VARCHAR(64)  NOT NULL,
  state            VARCHAR(16)  NOT NULL,
  progress         DOUBLE PRECISION NOT NULL DEFAULT 0,
  message          VARCHAR(1000),
  error            VARCHAR(4000),
  params           ${text},
  cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  started_at       TIMESTAMP WITH TIME ZONE,
  finished_at      TIMESTAMP WITH TIME ZONE,
  version          BIGINT       NOT NULL DEFAULT 1,
  CONSTRAINT job_state_check CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);
CREATE INDEX job_state_idx ON job (state);

-- Content-addressed blobs: the file lives at blobs/ab/cdef… ; rows count references.
CREATE TABLE blob (
  sha256      CHAR(64)    PRIMARY KEY,
  size_bytes  BIGINT      NOT NULL,
  ref_count   INTEGER     NOT NULL DEFAULT 0,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  released_at TIMESTAMP WITH TIME ZONE
);

-- Secrets that must be used in clear (JWT signing key, webhook secrets), AES-GCM encrypted with
-- the key in the data dir's 0600 key file.
CREATE TABLE secret (
  name        VARCHAR(200) PRIMARY KEY,
  ciphertext  ${bytes}     NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
