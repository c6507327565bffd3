-- Issue 9 item 3: a department review's clock pause (行政许可法 Art. 45: expert evaluation, testing, hearings and
-- on-site inspection do not count toward the limit). One row per pause; an open pause has no resumed_at.
create table pf_review_pause (
  id                    bigserial     primary key,
  project_code          varchar(24)   not null,
  process_instance_id   varchar(64)   not null,
  task_id               varchar(64)   not null,
  review_key            varchar(64),
  review_name           varchar(200),
  department            varchar(64)   not null,
  kind                  varchar(32)   not null,
  reason                varchar(2000) not null,
  expected_working_days integer       not null,
  expected_end          timestamptz   not null,
  started_at            timestamptz   not null,
  started_by            varchar(64)   not null,
  -- when the joint limit stopped: this pause's start, or that of another pause of the case still open then
  joint_paused_from     timestamptz   not null,
  due_before            timestamptz,
  resumed_at            timestamptz,
  resumed_by            varchar(64),
  paused_working_days   integer,
  due_after             timestamptz,
  overdue_notified_at   timestamptz,
  constraint pf_review_pause_kind
    check (kind in ('expert-evaluation', 'testing', 'hearing', 'inspection')),
  constraint pf_review_pause_days check (expected_working_days > 0)
);
create unique index pf_review_pause_open_task on pf_review_pause (task_id) where resumed_at is null;
create index pf_review_pause_case on pf_review_pause (project_code, started_at);
create index pf_review_pause_instance_open on pf_review_pause (process_instance_id) where resumed_at is null;

-- Issue 9 item 12: due dates computed while a year they count through had no official holiday notice (Monday–Friday
-- fallback). When the notice arrives they are computed again from the same start and limit (ADR 0012).
create table pf_provisional_due (
  id                  bigserial    primary key,
  process_instance_id varchar(64)  not null,
  start_at            timestamptz  not null,
  spec                varchar(32)  not null,
  due_at              timestamptz  not null,
  computed_at         timestamptz  not null,
  settled_at          timestamptz,
  constraint pf_provisional_due_once unique (process_instance_id, start_at, spec, due_at)
);
create index pf_provisional_due_open on pf_provisional_due (id) where settled_at is null;

-- Issue 9 item 10: the register of issued documents (发文登记): each notice's document number, organ and date, so a
-- later document (the approval notice) can cite each licence and filing by organ, number and date.
create table pf_case_document (
  id              bigserial    primary key,
  case_code       varchar(32)  not null,
  kind            varchar(64)  not null,
  matter          varchar(200),
  organ           varchar(200) not null,
  document_number varchar(100) not null,
  issued_at       timestamptz  not null
);
create index pf_case_document_case on pf_case_document (case_code, kind);
