-- API keys: only the SHA-256 of each key is stored; limits apply to the key's tenant
CREATE TABLE api_keys (
  id             VARCHAR(32)  NOT NULL PRIMARY KEY,
  tenant         VARCHAR(64)  NOT NULL,
  key_hash       CHAR(64)     NOT NULL UNIQUE,
  is_admin       INTEGER      NOT NULL DEFAULT 0,
  max_concurrent INTEGER      NOT NULL DEFAULT 0,
  daily_quota    INTEGER      NOT NULL DEFAULT 0,
  created_at     BIGINT       NOT NULL,
  revoked_at     BIGINT
);

-- one row per check request: what was checked (by hash), for whom, how it ended; never text or file names
CREATE TABLE audit_log (
  id          BIGSERIAL    PRIMARY KEY,
  tenant      VARCHAR(64)  NOT NULL,
  at_ms       BIGINT       NOT NULL,
  request_id  VARCHAR(64),
  sha256      CHAR(64)     NOT NULL,
  bytes       BIGINT       NOT NULL,
  pages       INTEGER,
  ocr_pages   INTEGER,
  media_type  VARCHAR(128),
  profile     VARCHAR(64),
  as_of       VARCHAR(10),
  duration_ms BIGINT       NOT NULL,
  outcome     VARCHAR(32)  NOT NULL,
  violations  INTEGER      NOT NULL DEFAULT 0,
  risks       INTEGER      NOT NULL DEFAULT 0,
  infos       INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_at ON audit_log (at_ms);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant, at_ms);
