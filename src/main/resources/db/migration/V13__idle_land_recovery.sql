-- idle-land-recovery (issue 12): one row per case, keyed by the parcel code (the business key). A parcel may have
-- several cases over the years, but only one open at a time. The facts the case started with, the cause, the
-- holder's statement, the drafted decision and the outcome are kept as JSON (exact decimals); the columns are what
-- the API filters and the status table need.
create table pf_idle_land_case (
  id                   bigserial    primary key,
  parcel_code          varchar(19)  not null,
  process_instance_id  varchar(64),
  branch               varchar(20)  not null,
  status               varchar(20)  not null,
  holder_credit_code   varchar(18)  not null,
  holder_name          varchar(200),
  facts                text         not null,
  cause                text,
  statement            text,
  draft                text,
  outcome              text,
  started_by           varchar(64)  not null,
  started_from         varchar(40)  not null,
  open                 boolean      not null default true,
  created_at           timestamptz  not null,
  updated_at           timestamptz  not null,
  closed_at            timestamptz
);
create unique index pf_idle_land_case_one_open on pf_idle_land_case (parcel_code) where open;
create index pf_idle_land_case_parcel on pf_idle_land_case (parcel_code, created_at desc);
create index pf_idle_land_case_holder on pf_idle_land_case (holder_credit_code, created_at desc);
create index pf_idle_land_case_instance on pf_idle_land_case (process_instance_id);

-- The documents the case issued (调查通知书, 认定书, 听证告知书, 决定书 …): organ, number and date, as the holder and
-- the API see them. Part of the permanent record: never deleted.
create table pf_idle_land_document (
  id          bigserial    primary key,
  case_id     bigint       not null references pf_idle_land_case (id),
  kind        varchar(40)  not null,
  title       varchar(100) not null,
  organ       varchar(100) not null,
  number      varchar(60)  not null,
  issued_at   timestamptz  not null
);
create index pf_idle_land_document_case on pf_idle_land_document (case_id, issued_at);
