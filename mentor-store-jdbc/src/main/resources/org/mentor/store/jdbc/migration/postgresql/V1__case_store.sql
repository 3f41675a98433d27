-- Mentor's case store, schema version 1 (PostgreSQL 13 or later: pg_current_xact_id).
-- docs/storage.md explains every table and column. Sensitive columns: mentor_case.case_id,
-- mentor_event.case_id, mentor_event.event_id and above all mentor_event.payload (HIV results,
-- dates, the mother's id); mentor_purge holds no patient data.

-- One row per case: its version (the number of events stored) and its place in the change feed.
CREATE TABLE mentor_case (
  case_id          varchar(128) NOT NULL,
  case_no          bigint       GENERATED ALWAYS AS IDENTITY,
  protocol_id      text,
  protocol_version text,
  version          bigint       NOT NULL,
  -- The full transaction id (xid8) of the transaction that last changed the case: the feed reads
  -- only positions below the oldest running transaction, so it never skips a late commit.
  change_position  bigint       NOT NULL,
  CONSTRAINT mentor_case_pk PRIMARY KEY (case_id),
  CONSTRAINT mentor_case_version_positive CHECK (version > 0)
);

-- The change feed reads in (position, case number) order; the case number breaks ties without
-- putting a case id in the reader's cursor. (An append rewrites the case row, and every index of
-- the table with it, so the table has no other.)
CREATE INDEX mentor_case_feed ON mentor_case (change_position, case_no);

-- The events, append-only: one row per event in the order accepted (seq 1, 2, … within a case).
CREATE TABLE mentor_event (
  case_id        varchar(128) NOT NULL,
  seq            bigint       NOT NULL,
  event_id       varchar(128) NOT NULL,
  event_type     varchar(64)  NOT NULL,
  schema_version integer      NOT NULL,
  occurred_on    date         NOT NULL,
  recorded_at    timestamptz  NOT NULL,
  payload        json         NOT NULL,
  -- A writer with a stale version collides here and is refused, whatever the cases row says.
  CONSTRAINT mentor_event_pk PRIMARY KEY (case_id, seq),
  -- Event ids are globally unique: the same id twice is refused by the database, not only in Java.
  CONSTRAINT mentor_event_id_unique UNIQUE (event_id),
  CONSTRAINT mentor_event_case_fk FOREIGN KEY (case_id) REFERENCES mentor_case (case_id),
  CONSTRAINT mentor_event_seq_positive CHECK (seq > 0),
  CONSTRAINT mentor_event_schema_version_positive CHECK (schema_version > 0)
);

-- One row per legal erasure: that a purge happened, when and by whom; never which case.
CREATE TABLE mentor_purge (
  purge_no  bigint       GENERATED ALWAYS AS IDENTITY,
  purged_at timestamptz  NOT NULL,
  purged_by varchar(128) NOT NULL,
  CONSTRAINT mentor_purge_pk PRIMARY KEY (purge_no)
);
