-- Issue 13: document numbers (文号) are drawn from one PostgreSQL sequence per kind and year instead of a counter row
-- raised in the caller's transaction. The row was locked from the draw until the caller's transaction ended, so every
-- notice of a kind waited for the one before it to commit (7 ms per draw under the benchmark's load, 51 ms per case).
-- pf_document_sequence now only lists the sequences; each existing counter goes on where it stopped.
alter table pf_document_sequence add column sequence_name varchar(63);

do $$
declare
  counter record;
  name text;
begin
  for counter in select kind, year, last_value from pf_document_sequence loop
    name := 'pf_docseq_' || md5(counter.kind || ':' || counter.year);
    execute format('create sequence %I start with %s', name, counter.last_value + 1);
    update pf_document_sequence set sequence_name = name where kind = counter.kind and year = counter.year;
  end loop;
end $$;

alter table pf_document_sequence drop column last_value;
alter table pf_document_sequence alter column sequence_name set not null;
