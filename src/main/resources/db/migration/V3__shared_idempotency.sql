-- Shared by every slice's creating POST (cn.parkflow.web.Idempotency), not by project approval alone. V2 first created
-- pf_idempotency; migrations are never edited, so this one takes over its definition for every database (a no-op
-- where V2 ran) and adds the index the nightly cleanup (parkflow.idempotency.keep-for) reads.
create table if not exists pf_idempotency (
  user_id         varchar(128) not null,
  idempotency_key varchar(200) not null,
  request_hash    varchar(64)  not null,
  status          integer,
  location        varchar(500),
  body            text,
  created_at      timestamptz  not null default now(),
  primary key (user_id, idempotency_key)
);
create index if not exists pf_idempotency_created_at on pf_idempotency (created_at);
