-- The reminder sweep's clock (scripts/bench-scale.sh): waits until bench.tasks seeded tasks (ids ending in
-- -00000000bec4) have their yellow reminder queued in pf_outbox, or bench.timeout seconds have passed, then says how
-- long that took and whether any task was reminded twice.
create or replace function pg_temp.bench_sweep_wait(target bigint, timeout_s int)
    returns table (tasks_reminded bigint, waited_s numeric) language plpgsql as $$
declare
  t0 timestamptz := clock_timestamp();
begin
  loop
    select count(distinct split_part(reason_key, ':', 3)) into tasks_reminded from pf_outbox
    where reason_key like 'reminder:yellow:%-00000000bec4:%';
    waited_s := round(extract(epoch from clock_timestamp() - t0)::numeric, 1);
    exit when tasks_reminded >= target or waited_s >= timeout_s;
    perform pg_sleep(1);
  end loop;
  return next;
end
$$;

select * from pg_temp.bench_sweep_wait(current_setting('bench.tasks')::bigint,
    current_setting('bench.timeout')::int);

-- Twice would be: more messages for a task than it has distinct recipients, or reminders for two due dates. The key
-- is reminder:yellow:<task>:<due>|<recipient>, so the due date is the fourth field of the part before the '|'.
with per_task as (
  select split_part(reason_key, ':', 3) task, count(*) messages,
      count(distinct split_part(reason_key, '|', 2)) recipients,
      count(distinct split_part(split_part(reason_key, '|', 1), ':', 4)) dues
  from pf_outbox where reason_key like 'reminder:yellow:%-00000000bec4:%' group by 1
)
select count(*) as "seeded tasks reminded", sum(messages) as "reminder e-mails queued",
    max(messages) as "most e-mails for one task",
    count(*) filter (where messages > recipients or dues > 1) as "tasks reminded twice",
    (select min(created_at) from pf_outbox where reason_key like 'reminder:yellow:%-00000000bec4:%') as "first queued",
    (select max(created_at) from pf_outbox where reason_key like 'reminder:yellow:%-00000000bec4:%') as "last queued"
from per_task;
