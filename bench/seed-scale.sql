-- Scale seeder for ParkFlow's database (docs/benchmarks.md, "Department task list at scale"). PostgreSQL only.
--
-- It writes exactly the rows ParkFlow itself writes, by copying two real cases that the application created through
-- its API (the templates) as many times as asked, with fresh ids:
--   * an OPEN case, taken to the department reviews (intake completed, the review tasks open): its execution tree
--     (act_ru_execution), tasks (act_ru_task), candidate-group links (act_ru_identitylink), variables
--     (act_ru_variable, act_ge_bytearray), timer jobs (act_ru_job), event subscriptions (act_ru_event_subscr), its
--     history so far (act_hi_procinst, act_hi_taskinst, act_hi_actinst) and every authorization whose resource is the
--     case or one of its tasks (act_ru_authorization: the engine's default task authorizations for the candidate
--     groups, and ParkFlow's per-case read grants from cn.parkflow.identity.CaseAccessListener);
--   * a FINISHED case, completed to the end: its history (act_hi_procinst, act_hi_taskinst, act_hi_actinst) and the
--     authorizations that outlive it (ParkFlow's per-case read grants).
-- Copies are complete cases: a seeded open task can be opened, completed and reminded like a real one.
-- Not copied: ParkFlow's own tables (pf_project, pf_case_event, pf_outbox) and the variable history
-- (act_hi_varinst, act_hi_detail); the department task list reads none of them.
--
-- Parameters (session settings; Bench's Sql.java sets them from name=value arguments, psql users write
-- `set bench.open_case = '...';` and so on before running this file):
--   bench.open_case       process instance id of the open template case
--   bench.finished_case   process instance id of the finished template case ('' to seed no finished cases)
--   bench.open_tasks      open tasks to add: copies of the open case = ceil(open_tasks / its open tasks)
--   bench.finished_cases  finished cases to add
--   bench.batch           copies per statement (default 5000), so memory stays bounded
--   bench.first           number of the first copy (default 1); run again with a higher first to add more
--   bench.due_in          optional interval: the copies' open tasks fall due this far from now (e.g. '2 hours',
--                         which is yellow: due within one working day); empty keeps the template's due dates
--
-- Every seeded id is a UUID-shaped string ending in -00000000bec4 (activity instance ids keep their "activityId:"
-- prefix), derived from the template's id and the copy number, so a copy is recognisable and a rerun with the same
-- numbers fails on the primary keys instead of doubling rows.

-- A seeded id: the template id's "prefix:" (if any) and a UUID-shaped hash of (template id, copy number), written
-- into each INSERT as an expression (a function call per id cost four times as much). Null stays null.
create or replace function pg_temp.bench_id_sql(col text) returns text language sql immutable as $$
  select format($f$(case when strpos(t.%1$I, ':') = 0 then '' else substring(t.%1$I from '^(.*:)') end
      || left(md5(t.%1$I || '#' || g)::uuid::text, 23) || '-00000000bec4')$f$, col)
$$;

-- Copies the rows of `tbl` that match `cond` for copy numbers first..first+copies-1, replacing every column in
-- `idcols` by its seeded id and, if `extra` is 'column=expression', that column by the expression (over t, the
-- template row, and g, the copy number). One INSERT ... SELECT with the table's own column list, so each row is
-- written as it is read (no conversion through jsonb).
create or replace function pg_temp.bench_clone(tbl text, cond text, idcols text[], extra text, first bigint,
    copies bigint) returns bigint language plpgsql as $$
declare
  extra_col text := nullif(split_part(extra, '=', 1), '');
  extra_expr text := substr(extra, strpos(extra, '=') + 1);
  -- the template rows, read once into a temporary table (the first call, before the indexes are dropped)
  tpl text := 'bench_tpl_' || left(md5(tbl || '|' || cond), 16);
  cols text;
  n bigint;
  t0 timestamptz := clock_timestamp();
begin
  if to_regclass(tpl) is null then
    execute format('create temporary table %I on commit drop as select * from %I where %s', tpl, tbl, cond);
  end if;
  if copies <= 0 then
    return 0;
  end if;
  select string_agg(case when a.attname = any(idcols) then pg_temp.bench_id_sql(a.attname)
                         when a.attname = extra_col then extra_expr
                         else format('t.%I', a.attname) end, ', ' order by a.attnum)
    into cols
    from pg_attribute a
   where a.attrelid = tbl::regclass and a.attnum > 0 and not a.attisdropped;
  execute format('insert into %I select %s from %I t cross join generate_series(%s, %s) g',
      tbl, cols, tpl, first, first + copies - 1);
  get diagnostics n = row_count;
  insert into bench_clone_time values (tbl, extract(epoch from clock_timestamp() - t0));
  return n;
end
$$;

-- Copies one template case (instance `inst`) `copies` times from copy number `first`; `open` also copies the runtime
-- rows. Answers the rows written per table.
create or replace function pg_temp.bench_case(inst text, open boolean, first bigint, copies bigint, due_in text)
    returns table (tbl text, rows_written bigint) language plpgsql as $$
declare
  q text := quote_literal(inst);
  tasks text := format('(select id_ from act_hi_taskinst where proc_inst_id_ = %s)', quote_literal(inst));
  bkey text := $x$business_key_=t.business_key_ || '-B' || g$x$;
  due text := '';
begin
  if due_in <> '' then
    due := format($x$due_date_=localtimestamp + %L::interval$x$, due_in);
  end if;
  if open then
    tbl := 'act_ru_execution'; rows_written := pg_temp.bench_clone(tbl, 'proc_inst_id_ = ' || q,
        array['id_', 'root_proc_inst_id_', 'proc_inst_id_', 'parent_id_', 'super_exec_', 'act_inst_id_'], bkey,
        first, copies);
    return next;
    tbl := 'act_ge_bytearray'; rows_written := pg_temp.bench_clone(tbl,
        'id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ = ' || q || ')',
        array['id_', 'root_proc_inst_id_'], '', first, copies);
    return next;
    tbl := 'act_ru_variable'; rows_written := pg_temp.bench_clone(tbl, 'proc_inst_id_ = ' || q,
        array['id_', 'execution_id_', 'proc_inst_id_', 'task_id_', 'bytearray_id_', 'var_scope_'], '', first,
        copies);
    return next;
    tbl := 'act_ru_task'; rows_written := pg_temp.bench_clone(tbl, 'proc_inst_id_ = ' || q,
        array['id_', 'execution_id_', 'proc_inst_id_', 'parent_task_id_'], due, first, copies);
    return next;
    tbl := 'act_ru_identitylink'; rows_written := pg_temp.bench_clone(tbl,
        'task_id_ in (select id_ from act_ru_task where proc_inst_id_ = ' || q || ')',
        array['id_', 'task_id_'], '', first, copies);
    return next;
    tbl := 'act_ru_job'; rows_written := pg_temp.bench_clone(tbl, 'process_instance_id_ = ' || q,
        array['id_', 'execution_id_', 'process_instance_id_', 'root_proc_inst_id_'], '', first, copies);
    return next;
    tbl := 'act_ru_event_subscr'; rows_written := pg_temp.bench_clone(tbl, 'proc_inst_id_ = ' || q,
        array['id_', 'execution_id_', 'proc_inst_id_'], '', first, copies);
    return next;
  end if;
  tbl := 'act_ru_authorization'; rows_written := pg_temp.bench_clone(tbl,
      'resource_id_ = ' || q || ' or resource_id_ in ' || tasks,
      array['id_', 'resource_id_', 'root_proc_inst_id_'], '', first, copies);
  return next;
  tbl := 'act_hi_procinst'; rows_written := pg_temp.bench_clone(tbl, 'proc_inst_id_ = ' || q,
      array['id_', 'proc_inst_id_', 'root_proc_inst_id_', 'super_process_instance_id_'], bkey, first, copies);
  return next;
  tbl := 'act_hi_taskinst'; rows_written := pg_temp.bench_clone(tbl, 'proc_inst_id_ = ' || q,
      array['id_', 'root_proc_inst_id_', 'proc_inst_id_', 'execution_id_', 'act_inst_id_', 'parent_task_id_'],
      case when open then due else '' end, first, copies);
  return next;
  tbl := 'act_hi_actinst'; rows_written := pg_temp.bench_clone(tbl, 'proc_inst_id_ = ' || q,
      array['id_', 'parent_act_inst_id_', 'root_proc_inst_id_', 'proc_inst_id_', 'execution_id_', 'task_id_',
          'call_proc_inst_id_'], '', first, copies);
  return next;
end
$$;

-- The seeded tables' indexes, dropped before the copies and built again from their own definitions after them: one
-- sorted build per index instead of a random insert per row and index (the finished cases' tables carry 11, 12 and
-- 9 indexes). Primary keys and unique constraints go the same way on the tables no foreign key points to (the history
-- tables and act_ru_authorization), so adding them again checks every row; on the others they stay and are checked
-- row by row. All of it runs in the script's one transaction: a failure leaves the tables as they were. The drop
-- locks the seeded tables until the commit, so the application waits for them meanwhile.
create or replace function pg_temp.bench_drop_indexes() returns void language plpgsql as $$
declare
  seeded regclass[] := array['act_ru_execution', 'act_ge_bytearray', 'act_ru_variable', 'act_ru_task',
      'act_ru_identitylink', 'act_ru_job', 'act_ru_event_subscr', 'act_ru_authorization', 'act_hi_procinst',
      'act_hi_taskinst', 'act_hi_actinst'];
  ix record;
begin
  create temporary table bench_constraints on commit drop as
    select k.conrelid::regclass::text as tbl, k.conname::text as name, pg_get_constraintdef(k.oid) as def
      from pg_constraint k
     where k.conrelid = any(seeded) and k.contype in ('p', 'u')
       and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = k.conrelid);
  create temporary table bench_indexes on commit drop as
    select x.indexrelid::regclass::text as name, pg_get_indexdef(x.indexrelid) as def
      from pg_index x
     where x.indrelid = any(seeded)
       and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid);
  for ix in select name from bench_indexes loop
    execute format('drop index %s', ix.name);
  end loop;
  for ix in select tbl, name from bench_constraints loop
    execute format('alter table %s drop constraint %I', ix.tbl, ix.name);
  end loop;
end
$$;

create or replace function pg_temp.bench_restore_indexes() returns void language plpgsql as $$
declare
  ix record;
begin
  perform set_config('maintenance_work_mem', '1GB', true);
  for ix in select tbl, name, def from bench_constraints loop
    execute format('alter table %s add constraint %I %s', ix.tbl, ix.name, ix.def);
  end loop;
  for ix in select def from bench_indexes loop
    execute ix.def;
  end loop;
end
$$;

-- Runs the copies in batches and answers the total rows written per table.
create or replace function pg_temp.bench_seed() returns table (seeded text, tbl text, rows_written numeric)
    language plpgsql as $$
declare
  open_case text := current_setting('bench.open_case', true);
  finished_case text := coalesce(current_setting('bench.finished_case', true), '');
  open_tasks bigint := coalesce(nullif(current_setting('bench.open_tasks', true), ''), '0')::bigint;
  finished bigint := coalesce(nullif(current_setting('bench.finished_cases', true), ''), '0')::bigint;
  batch bigint := coalesce(nullif(current_setting('bench.batch', true), ''), '5000')::bigint;
  first bigint := coalesce(nullif(current_setting('bench.first', true), ''), '1')::bigint;
  due_in text := coalesce(current_setting('bench.due_in', true), '');
  per_case bigint;
  open_copies bigint := 0;
  b bigint;
begin
  create temporary table if not exists bench_written (seeded text, tbl text, rows_written bigint);
  create temporary table if not exists bench_clone_time (tbl text, seconds float8);
  if open_tasks > 0 then
    select count(*) into per_case from act_ru_task where proc_inst_id_ = open_case;
    if per_case = 0 then
      raise exception 'the open template case % has no open task', open_case;
    end if;
    perform * from pg_temp.bench_case(open_case, true, 1, 0, due_in); -- reads the templates
  end if;
  if finished > 0 then
    if not exists (select 1 from act_hi_procinst where proc_inst_id_ = finished_case and end_time_ is not null) then
      raise exception 'the finished template case % has not ended', finished_case;
    end if;
    perform * from pg_temp.bench_case(finished_case, false, 1, 0, '');
  end if;
  perform pg_temp.bench_drop_indexes();
  if open_tasks > 0 then
    open_copies := (open_tasks + per_case - 1) / per_case;
    b := first;
    while b < first + open_copies loop
      insert into bench_written
          select 'open', c.tbl, c.rows_written
          from pg_temp.bench_case(open_case, true, b, least(batch, first + open_copies - b), due_in) c;
      b := b + batch;
    end loop;
  end if;
  if finished > 0 then
    -- finished copies are numbered after the open ones, so their ids never meet
    b := first + open_copies;
    while b < first + open_copies + finished loop
      insert into bench_written
          select 'finished', c.tbl, c.rows_written
          from pg_temp.bench_case(finished_case, false, b, least(batch, first + open_copies + finished - b), '') c;
      b := b + batch;
    end loop;
  end if;
  raise notice 'copies written after %', clock_timestamp() - statement_timestamp();
  perform pg_temp.bench_restore_indexes();
  raise notice 'indexes built again after %', clock_timestamp() - statement_timestamp();
  return query select w.seeded, w.tbl, sum(w.rows_written) from bench_written w group by 1, 2 order by 1, 2;
  return query select 'seconds', c.tbl, round(sum(c.seconds)::numeric, 1) from bench_clone_time c group by 2 order by 2;
  drop table bench_written;
  drop table bench_clone_time;
end
$$;

select * from pg_temp.bench_seed();
analyze act_ru_execution, act_ru_task, act_ru_identitylink, act_ru_authorization, act_ru_variable, act_ge_bytearray,
    act_ru_job, act_ru_event_subscr, act_hi_procinst, act_hi_taskinst, act_hi_actinst;
