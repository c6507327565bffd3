-- What PostgreSQL did per finished case over the measured window (scripts/bench.sh --profile): pg_stat_statements,
-- reset when the warm-up ended, divided by the cases finished in the window (bench.cases). First the totals, then the
-- 40 statements that took the most time, each with its calls and time per case and its text cut to 200 characters.
-- Blocks hit and read: shared buffers found in PostgreSQL's cache and read from outside it (the OS cache or the disk).
select sum(calls) as statements,
       round(sum(calls)::numeric / current_setting('bench.cases')::numeric, 1) as statements_per_case,
       round((sum(total_exec_time) / current_setting('bench.cases')::numeric)::numeric, 2) as exec_ms_per_case,
       round((sum(total_plan_time) / current_setting('bench.cases')::numeric)::numeric, 2) as plan_ms_per_case,
       sum(rows) as rows,
       round(sum(shared_blks_hit)::numeric / current_setting('bench.cases')::numeric, 1) as blocks_hit_per_case,
       round(sum(shared_blks_read)::numeric / current_setting('bench.cases')::numeric, 1) as blocks_read_per_case
  from pg_stat_statements
 where dbid <> (select oid from pg_database where datname = 'postgres')
   and query not like '%pg_stat_statements%';

select round(calls::numeric / current_setting('bench.cases')::numeric, 2) as calls_per_case,
       round((total_exec_time / current_setting('bench.cases')::numeric)::numeric, 3) as exec_ms_per_case,
       round(mean_exec_time::numeric, 3) as mean_ms,
       round((rows::numeric / greatest(calls, 1)), 1) as rows_per_call,
       round(shared_blks_read::numeric / current_setting('bench.cases')::numeric, 1) as blocks_read_per_case,
       left(regexp_replace(query, '\s+', ' ', 'g'), 200) as statement
  from pg_stat_statements
 where dbid <> (select oid from pg_database where datname = 'postgres')
   and query not like '%pg_stat_statements%'
 order by total_exec_time desc
 limit 40;

-- The whole text of the five statements that took the most time, to explain them.
select round((total_exec_time / current_setting('bench.cases')::numeric)::numeric, 3) as exec_ms_per_case,
       regexp_replace(query, '\s+', ' ', 'g') as statement
  from pg_stat_statements
 where dbid <> (select oid from pg_database where datname = 'postgres')
   and query not like '%pg_stat_statements%'
 order by total_exec_time desc
 limit 5;
