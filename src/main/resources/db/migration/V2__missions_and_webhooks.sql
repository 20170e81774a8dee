-- Missions and submissions (the missions API), webhooks with a transactional outbox.
-- Mission bounds are kept as RFC 7946 GeoJSON text with their bounding box in plain columns, which
-- index the same way on H2 and PostgreSQL; nothing here queries polygons spatially yet.

CREATE TABLE mission (
  id               VARCHAR(40)   PRIMARY KEY,
  uuid             VARCHAR(36)   NOT NULL,
  organization_id  VARCHAR(36)   NOT NULL REFERENCES organization (id),
  title            VARCHAR(300)  NOT NULL,
  description      VARCHAR(4000) NOT NULL DEFAULT '',
  bounds_geojson   ${text}       NOT NULL,
  min_lon          DOUBLE PRECISION NOT NULL,
  min_lat          DOUBLE PRECISION NOT NULL,
  max_lon          DOUBLE PRECISION NOT NULL,
  max_lat          DOUBLE PRECISION NOT NULL,
  area_m2          DOUBLE PRECISION NOT NULL,
  required_images  INTEGER       NOT NULL,
  approved_images  INTEGER       NOT NULL DEFAULT 0,
  submission_count INTEGER       NOT NULL DEFAULT 0,
  status           VARCHAR(16)   NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at     TIMESTAMP WITH TIME ZONE,
  deleted_at       TIMESTAMP WITH TIME ZONE,
  version          BIGINT        NOT NULL DEFAULT 1,
  CONSTRAINT mission_status_check CHECK (status IN ('active', 'completed')),
  CONSTRAINT mission_required_check CHECK (required_images > 0)
);
CREATE UNIQUE INDEX mission_uuid_idx ON mission (uuid);
CREATE INDEX mission_org_status_idx ON mission (organization_id, status, created_at);

CREATE TABLE submission (
  id              VARCHAR(40)   PRIMARY KEY,
  uuid            VARCHAR(36)   NOT NULL,
  organization_id VARCHAR(36)   NOT NULL REFERENCES organization (id),
  mission_id      VARCHAR(40)   NOT NULL REFERENCES mission (id),
  zoomer_id       VARCHAR(200)  NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  reason          VARCHAR(2000),
  lon             DOUBLE PRECISION,
  lat             DOUBLE PRECISION,
  altitude_m      DOUBLE PRECISION,
  accuracy_m      DOUBLE PRECISION,
  captured_at     TIMESTAMP WITH TIME ZONE,
  image_count     INTEGER       NOT NULL,
  outside_count   INTEGER       NOT NULL DEFAULT 0,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at      TIMESTAMP WITH TIME ZONE,
  deleted_at      TIMESTAMP WITH TIME ZONE,
  version         BIGINT        NOT NULL DEFAULT 1,
  CONSTRAINT submission_status_check CHECK (status IN ('received', 'approved', 'rejected'))
);
CREATE UNIQUE INDEX submission_uuid_idx ON submission (uuid);
CREATE INDEX submission_mission_idx ON submission (mission_id, created_at);
CREATE INDEX submission_position_idx ON submission (lon, lat);

-- One photo of a submission; the file is a blob (EXIF preserved byte for byte).
CREATE TABLE submission_image (
  id              VARCHAR(40)   PRIMARY KEY,
  submission_id   VARCHAR(40)   NOT NULL REFERENCES submission (id),
  ordinal         INTEGER       NOT NULL,
  file_name       VARCHAR(255)  NOT NULL,
  sha256          CHAR(64)      NOT NULL REFERENCES blob (sha256),
  size_bytes      BIGINT        NOT NULL,
  width           INTEGER       NOT NULL,
  height          INTEGER       NOT NULL,
  lon             DOUBLE PRECISION,
  lat             DOUBLE PRECISION,
  altitude_m      DOUBLE PRECISION,
  accuracy_m      DOUBLE PRECISION,
  captured_at     TIMESTAMP WITH TIME ZONE,
  time_source     VARCHAR(32),
  make            VARCHAR(200),
  model           VARCHAR(200),
  orientation     INTEGER,
  outside_bounds  BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX submission_image_submission_idx ON submission_image (submission_id, ordinal);

-- Webhook endpoints; the signing secret is AES-GCM encrypted with the data dir's key.
CREATE TABLE webhook (
  id                VARCHAR(40)   PRIMARY KEY,
  organization_id   VARCHAR(36)   NOT NULL REFERENCES organization (id),
  url               VARCHAR(2000) NOT NULL,
  events            VARCHAR(1000) NOT NULL,
  secret_ciphertext ${bytes}      NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  deleted_at        TIMESTAMP WITH TIME ZONE
);

-- The outbox: an event row is written in the same transaction as the change that caused it.
CREATE TABLE webhook_event (
  id              VARCHAR(40)   PRIMARY KEY,
  organization_id VARCHAR(36)   NOT NULL REFERENCES organization (id),
  event           VARCHAR(64)   NOT NULL,
  body            ${text}       NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One delivery of one event to one webhook; retried until delivered or given up.
CREATE TABLE webhook_delivery (
  id              VARCHAR(40)   PRIMARY KEY,
  event_id        VARCHAR(40)   NOT NULL REFERENCES webhook_event (id),
  webhook_id      VARCHAR(40)   NOT NULL REFERENCES webhook (id),
  state           VARCHAR(16)   NOT NULL,
  attempts        INTEGER       NOT NULL DEFAULT 0,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_status     INTEGER,
  last_error      VARCHAR(1000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  delivered_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT webhook_delivery_state_check CHECK (state IN ('pending', 'delivered', 'failed'))
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (state, next_attempt_at);
CREATE INDEX webhook_delivery_webhook_idx ON webhook_delivery (webhook_id, created_at);

-- Every attempt, for GET /webhooks/{id}/deliveries.
CREATE TABLE webhook_attempt (
  id              VARCHAR(40)   PRIMARY KEY,
  delivery_id     VARCHAR(40)   NOT NULL REFERENCES webhook_delivery (id),
  attempted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  status_code     INTEGER,
  error           VARCHAR(1000),
  duration_ms     INTEGER       NOT NULL
);
CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (delivery_id, attempted_at);
