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

-- The milestones the enterprise reports after the agreement (signed → started → completed → in production → full
-- output): the agreed date from the agreement, the reported one, and the colour the report earned.
create table pf_admission_milestone (
  admission_number varchar(12)   not null references pf_admission (admission_number),
  milestone        varchar(20)   not null,
  agreed_date      date,
  reported_date    date          not null,
  invested_amount  numeric(20,6),
  note             varchar(1000),
  progress_colour  varchar(2)    not null,
  reported_by      varchar(64)   not null,
  reported_at      timestamptz   not null,
  primary key (admission_number, milestone)
);

-- The monthly progress colour (红 not started, 黄 slow, 绿 on track), distinct from the deadline lights.
alter table pf_admission add column progress_colour varchar(2);
