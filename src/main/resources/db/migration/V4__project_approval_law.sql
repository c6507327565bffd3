-- Issue 9 (project-approval as the law reads).

-- 不予受理 is its own status (行政许可法 Art. 32), not 未批准.
alter table pf_project drop constraint pf_project_status;
alter table pf_project add constraint pf_project_status
  check (status in ('受理中', '补正中', '审查中', '已批准', '未批准', '不予受理', '已撤回', '逾期未补正'));

-- Document numbers (文号) of notices: one counter per kind and year, raised by one atomic upsert (safe on two nodes).
create table pf_document_sequence (
  kind       varchar(64) not null,
  year       integer     not null,
  last_value bigint      not null,
  constraint pf_document_sequence_pk primary key (kind, year)
);

-- Facts the application did not collect (Order 673 Art. 13; energy review by electricity use). Cases filed before
-- keep null: their applicants were never asked.
alter table pf_project add column construction_scale_and_content varchar(2000);
alter table pf_project add column industrial_policy_declaration boolean not null default false;
alter table pf_project add column annual_electricity_kwh numeric(20,6);
alter table pf_project add constraint pf_project_electricity check (annual_electricity_kwh is null or annual_electricity_kwh >= 0);
