-- enterprise-onboarding follow-up (issue 11): milestone warnings, the first year's tax at full output, and the link
-- from a project application to its admission case.

-- One row per warning sent: the liaison and the enterprise are each warned once per milestone
-- (parkflow.onboarding.milestone-warning before the agreed date). The primary key makes a second scan, on this node
-- or another, a no-op.
create table pf_admission_milestone_warning (
  admission_number varchar(12)  not null references pf_admission (admission_number),
  milestone        varchar(20)  not null,
  recipient        varchar(20)  not null,
  agreed_date      date         not null,
  warned_at        timestamptz  not null,
  primary key (admission_number, milestone, recipient)
);

-- The tax the enterprise actually paid in its first year at full output (万元), against the agreed tax per mu.
alter table pf_admission_milestone add column actual_tax numeric(20,6);
alter table pf_admission_milestone add column actual_tax_reported_at timestamptz;

-- A project application may name its admission case (the enterprise's own, admitted: agreement signed or later).
alter table pf_project add column admission_number varchar(12);
create index pf_project_admission on pf_project (admission_number);
