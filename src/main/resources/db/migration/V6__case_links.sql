-- Links between cases of different processes (the chain admission → approval → land → construction watch → idle
-- land → land again). A link is written by the step that starts or names the other case, in its transaction, and is
-- read by both cases' views. Part of the permanent record: never deleted.
create table pf_case_link (
  id            bigserial primary key,
  from_process  varchar(64)  not null,
  from_key      varchar(64)  not null,
  to_process    varchar(64)  not null,
  to_key        varchar(64)  not null,
  relation      varchar(64)  not null,
  created_at    timestamptz  not null default now(),
  constraint pf_case_link_once unique (from_process, from_key, to_process, to_key, relation)
);
create index pf_case_link_from on pf_case_link (from_process, from_key);
create index pf_case_link_to on pf_case_link (to_process, to_key);
