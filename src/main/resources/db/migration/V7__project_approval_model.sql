-- Issue 9 item 6: a case whose only matters are filings ends 已备案 at acceptance (Order 673 Art. 13).
alter table pf_project drop constraint pf_project_status;
alter table pf_project add constraint pf_project_status
  check (status in ('受理中', '补正中', '审查中', '已批准', '未批准', '不予受理', '已备案', '已撤回', '逾期未补正'));
