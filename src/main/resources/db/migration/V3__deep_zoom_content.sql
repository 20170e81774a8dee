-- Deep-zoom content (the ZoomHub-style /v1/content surface): one row per source image, tiled by a
-- job into the tile store (tiles/<id>/). Readiness, progress and failure are the job's; the row
-- keeps where the image came from and, once known, the pyramid's geometry.

CREATE TABLE content (
  id               VARCHAR(32)   PRIMARY KEY,
  organization_id  VARCHAR(36)   NOT NULL REFERENCES organization (id),
  -- set when the content is shared: at least 128 random bits, public to whoever has it
  share_id         VARCHAR(32),
  -- what identifies the source for "existing content" lookups; never shown (may hold a path)
  source_key       VARCHAR(2100) NOT NULL,
  -- what the Content object's url shows: the http(s) URL, or only a local file's name
  display_url      VARCHAR(2100) NOT NULL,
  title            VARCHAR(300),
  blob_sha256      CHAR(64),
  job_id           VARCHAR(36)   NOT NULL REFERENCES job (id),
  width            INTEGER,
  height           INTEGER,
  tile_size        INTEGER       NOT NULL,
  tile_overlap     INTEGER       NOT NULL,
  tile_format      VARCHAR(8)    NOT NULL,
  created_by       VARCHAR(64),
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  version          BIGINT        NOT NULL DEFAULT 1,
  CONSTRAINT content_format_check CHECK (tile_format IN ('jpg', 'png'))
);
CREATE UNIQUE INDEX content_share_idx ON content (share_id);
CREATE INDEX content_source_idx ON content (organization_id, source_key);
CREATE INDEX content_job_idx ON content (job_id);
