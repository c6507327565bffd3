-- ParkFlow's own tables. The engine's history is cleaned after parkflow.history.time-to-live;
-- these tables are the permanent record and are never touched by that cleanup.

-- The permanent record of a case: steps, decisions, opinions, who and when, notices sent, urging.
create table pf_case_event (
  id                  bigserial primary key,
  case_code           varchar(64)  not null,
  process_key         varchar(64)  not null,
  process_instance_id varchar(64),
  kind                varchar(32)  not null,
  step_key            varchar(128),
  step_name           varchar(200),
  task_id             varchar(64),
  department          varchar(64),
  decision            varchar(32),
  opinion             text,
  missing_items       text,
  actor               varchar(128),
  detail              text,
  occurred_at         timestamptz  not null default now()
);
create index pf_case_event_case on pf_case_event (case_code, occurred_at);

-- Transactional outbox: every e-mail is written here in the transaction that caused it, then sent.
create table pf_outbox (
  id              bigserial primary key,
  reason_key      varchar(300) not null unique,
  recipient       varchar(320) not null,
  subject         varchar(500) not null,
  body            text         not null,
  case_code       varchar(64),
  status          varchar(16)  not null default 'queued',
  attempts        integer      not null default 0,
  last_error      text,
  next_attempt_at timestamptz  not null default now(),
  created_at      timestamptz  not null default now(),
  sent_at         timestamptz,
  constraint pf_outbox_status check (status in ('queued', 'sent', 'failed'))
);
create index pf_outbox_due on pf_outbox (next_attempt_at) where status = 'queued';
create index pf_outbox_recipient on pf_outbox (recipient, created_at desc);
