-- construction-watch (issue 10): one row per watch of a parcel (供后监管), started when its title is registered.
-- The sale contract's facts are kept as the JSON of parcel.ParcelContract (exact decimals); the columns are what the
-- status table, the daily idle-land check and the parcel's view need. A parcel supplied again gets a new row.
create table pf_construction_watch (
  id                     bigserial     primary key,
  parcel_code            varchar(19)   not null,
  process_instance_id    varchar(64),
  land_case_key          varchar(64)   not null,
  holder_credit_code     varchar(18)   not null,
  holder_name            varchar(200)  not null,
  title_number           varchar(64),
  contract               text          not null,
  status                 varchar(20)   not null,
  title_registered_on    date          not null,
  confirmed_start        date,
  permit_number          varchar(64),
  idle_result            varchar(20),
  idle_reason            text,
  idle_checked_on        date,
  start_warned_at        timestamptz,
  completion_warned_at   timestamptz,
  verification           text,
  penalty                numeric(20,6),
  verified_on            date,
  created_at             timestamptz   not null,
  updated_at             timestamptz   not null
);
create index pf_construction_watch_parcel on pf_construction_watch (parcel_code, id desc);
create index pf_construction_watch_holder on pf_construction_watch (holder_credit_code, created_at desc);
create index pf_construction_watch_instance on pf_construction_watch (process_instance_id);

-- The holder's construction reports, in the order received; the figures are cumulative on the report's date.
create table pf_construction_report (
  id               bigserial     primary key,
  watch_id         bigint        not null references pf_construction_watch (id),
  kind             varchar(10)   not null,
  report_date      date          not null,
  built_area_m2    numeric(20,6) not null,
  invested_amount  numeric(20,6) not null,
  note             varchar(1000),
  reported_by      varchar(64)   not null,
  reported_at      timestamptz   not null
);
create index pf_construction_report_watch on pf_construction_report (watch_id, id);
