-- Enterprise accounts (issue 11, "Enterprise accounts in production").
-- An enterprise's registration: what it asked for, checked against its business licence by park-admin
-- (process enterprise-registration). Nothing is stored for a refused request (400/409/429).
-- registration numbers ZC-<year>-<n>: n from this sequence, at least 4 digits
create sequence pf_enterprise_registration_seq;
create table pf_enterprise_registration (
  registration_number varchar(24)  primary key,
  process_instance_id varchar(64),
  enterprise_name     varchar(200) not null,
  credit_code         varchar(18)  not null,
  contact_person      varchar(50)  not null,
  email               varchar(254) not null,
  phone               varchar(20)  not null,
  login               varchar(64)  not null,
  status              varchar(10)  not null,
  opinion             text,
  decided_by          varchar(64),
  decided_at          timestamptz,
  client_address      varchar(64),
  created_at          timestamptz  not null,
  updated_at          timestamptz  not null,
  constraint pf_enterprise_registration_status check (status in ('待核验', '已开通', '未通过'))
);
create index pf_enterprise_registration_credit_code on pf_enterprise_registration (credit_code, created_at desc);
create index pf_enterprise_registration_instance on pf_enterprise_registration (process_instance_id);
-- one pending registration per login (compared without case), so two applicants cannot wait for the same login
create unique index pf_enterprise_registration_pending_login on pf_enterprise_registration (lower(login))
  where status = '待核验';

-- The state of an enterprise account that Camunda's users do not hold: disabled (no login anywhere) and "must change
-- its initial password first". The credit-code binding itself stays in Camunda user info (identity.EnterpriseAccounts,
-- which ApiCaller reads); credit_code here mirrors it so accounts can be found by code. Several accounts may share one.
create table pf_enterprise_account (
  user_id                  varchar(64)  primary key,
  credit_code              varchar(18)  not null,
  disabled                 boolean      not null default false,
  password_change_required boolean      not null default false,
  -- salted SHA-256 of the initial password, so the first change cannot keep it (cleared by that change)
  initial_password_digest  varchar(120),
  registration_number      varchar(24),
  created_by               varchar(64)  not null,
  created_at               timestamptz  not null,
  updated_at               timestamptz  not null
);
create index pf_enterprise_account_credit_code on pf_enterprise_account (credit_code);
