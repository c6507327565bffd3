-- Rows one real ParkFlow case holds, per table (scripts/bench-scale.sh prints this before seeding copies of it).
-- Parameters: bench.open_case (a case at the department reviews), bench.finished_case (a case completed to the end).
with c(kind, inst) as (
  values ('open', current_setting('bench.open_case')), ('finished', current_setting('bench.finished_case'))
), counts as (
  select c.kind, 'act_ru_execution' tbl, (select count(*) from act_ru_execution where proc_inst_id_ = c.inst) n from c
  union all select c.kind, 'act_ru_task', (select count(*) from act_ru_task where proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_ru_identitylink', (select count(*) from act_ru_identitylink l
      join act_ru_task t on t.id_ = l.task_id_ where t.proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_ru_variable', (select count(*) from act_ru_variable where proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_ge_bytearray', (select count(*) from act_ge_bytearray where id_ in
      (select bytearray_id_ from act_ru_variable where proc_inst_id_ = c.inst)) from c
  union all select c.kind, 'act_ru_job', (select count(*) from act_ru_job where process_instance_id_ = c.inst) from c
  union all select c.kind, 'act_ru_event_subscr', (select count(*) from act_ru_event_subscr
      where proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_ru_authorization (task)', (select count(*) from act_ru_authorization
      where resource_type_ = 7 and resource_id_ in (select id_ from act_hi_taskinst where proc_inst_id_ = c.inst)) from c
  union all select c.kind, 'act_ru_authorization (historic task)', (select count(*) from act_ru_authorization
      where resource_type_ = 19 and resource_id_ in (select id_ from act_hi_taskinst where proc_inst_id_ = c.inst))
      from c
  union all select c.kind, 'act_ru_authorization (process instance)', (select count(*) from act_ru_authorization
      where resource_type_ = 8 and resource_id_ = c.inst) from c
  union all select c.kind, 'act_ru_authorization (historic process instance)', (select count(*)
      from act_ru_authorization where resource_type_ = 20 and resource_id_ = c.inst) from c
  union all select c.kind, 'act_hi_procinst', (select count(*) from act_hi_procinst where proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_hi_taskinst', (select count(*) from act_hi_taskinst where proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_hi_actinst', (select count(*) from act_hi_actinst where proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_hi_varinst (not seeded)', (select count(*) from act_hi_varinst
      where proc_inst_id_ = c.inst) from c
  union all select c.kind, 'act_hi_detail (not seeded)', (select count(*) from act_hi_detail
      where proc_inst_id_ = c.inst) from c
)
select tbl as "table", max(n) filter (where kind = 'open') as "open case (department reviews)",
    max(n) filter (where kind = 'finished') as "finished case"
from counts group by tbl order by tbl;

-- Which groups hold which authorization on the open case and its tasks.
select case a.resource_type_ when 7 then 'task' when 8 then 'process instance' when 19 then 'historic task'
    when 20 then 'historic process instance' else a.resource_type_::text end as resource,
  coalesce(a.group_id_, 'user ' || a.user_id_) as "group", count(*) as "rows", min(a.perms_) as perms
from act_ru_authorization a
where a.resource_id_ = current_setting('bench.open_case')
   or a.resource_id_ in (select id_ from act_hi_taskinst where proc_inst_id_ = current_setting('bench.open_case'))
group by 1, 2 order by 1, 2;
