-- Investment project approval (issue 4): the application and the case's business state. The engine holds only ids
-- and small decision values; the case record (pf_case_event) holds every step, decision and notice.
create table pf_project (
  project_code           varchar(24)   primary key,
  process_instance_id    varchar(64),
  enterprise_name        varchar(100)  not null,
  credit_code            varchar(18)   not null,
  project_name           varchar(100)  not null,
  industry_code          varchar(2)    not null,
  location               varchar(200)  not null,
  total_investment       numeric(20,6) not null,
  fixed_asset_investment numeric(20,6) not null,
  land_area              numeric(20,6) not null,
  annual_energy_tce      numeric(20,6) not null,
  hazardous_chemicals    boolean       not null,
  expected_annual_tax    numeric(20,6) not null,
  contact_email          varchar(254)  not null,
  status                 varchar(16)   not null,
  stage                  varchar(32)   not null,
  created_by             varchar(128)  not null,
  created_at             timestamptz   not null,
  updated_at             timestamptz   not null,
  accepted_at            timestamptz,
  deemed_accepted        boolean       not null default false,
  joint_review_due       timestamptz,
  joint_review_extended  boolean       not null default false,
  land_supply_required   boolean       not null default false,
  decided_at             timestamptz,
  withdrawal_reason      text,
  constraint pf_project_status check (status in ('受理中', '补正中', '审查中', '已批准', '未批准', '已撤回', '逾期未补正'))
);
create index pf_project_credit_code on pf_project (credit_code, created_at desc);
create unique index pf_project_process_instance on pf_project (process_instance_id);

-- Idempotency-Key: the first answer to a creating POST, per user and key (see cn.parkflow.web.Idempotency).
create table pf_idempotency (
  user_id         varchar(128) not null,
  idempotency_key varchar(200) not null,
  request_hash    varchar(64)  not null,
  status          integer,
  location        varchar(500),
  body            text,
  created_at      timestamptz  not null default now(),
  primary key (user_id, idempotency_key)
);
