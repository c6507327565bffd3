-- enterprise-onboarding (issue 11): one row per admission case. The application is kept as the JSON the enterprise
-- sent (exact decimals, its pollutant list); the columns are what the API filters and the status table need.
create table pf_admission (
  admission_number     varchar(12)  primary key,
  process_instance_id  varchar(64),
  credit_code          varchar(18)  not null,
  enterprise_name      varchar(200) not null,
  project_name         varchar(200) not null,
  application          text         not null,
  status               varchar(20)  not null,
  stage                varchar(40)  not null,
  screening_result     varchar(10),
  screening_reasons    text,
  agreement            text,
  liaison              varchar(64),
  leader               varchar(64),
  incentives_escalated boolean      not null default false,
  withdrawal_reason    varchar(500),
  created_by           varchar(64)  not null,
  created_at           timestamptz  not null,
  updated_at           timestamptz  not null,
  decided_at           timestamptz
);
create index pf_admission_credit_code on pf_admission (credit_code, created_at desc);
create index pf_admission_instance on pf_admission (process_instance_id);
