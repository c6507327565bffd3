-- land-supply (issue 10): one row per land case. A case started from an approved project is keyed by the project
-- code until the clerk designates its parcel; from then on by the parcel code (GB/T 37346-2019). A parcel taken back
-- and supplied again gets a new case with the same parcel code, so the parcel code is not unique: the newest case is
-- the parcel's. Amounts: prices in 元/m², the contract price and payments in 万元, areas in 亩.
create table pf_land_case (
  id                    bigserial     primary key,
  case_key              varchar(64)   not null,
  parcel_code           varchar(19),
  project_code          varchar(64),
  admission_number      varchar(32),
  process_instance_id   varchar(64),
  status                varchar(32)   not null,
  stage                 varchar(64)   not null,
  credit_code           varchar(18),
  enterprise_name       varchar(200),
  location              varchar(200),
  area_mu               numeric(20,6),
  land_grade            integer,
  industry_code         varchar(4),
  planned_use           varchar(200),
  quota                 varchar(16),
  requisition           jsonb,
  planning              jsonb,
  reserve_price         numeric(20,2),
  minimum_price         numeric(20,2),
  listings              integer       not null default 0,
  winner_credit_code    varchar(18),
  winner_name           varchar(200),
  winner_is_applicant   boolean,
  sale_price            numeric(20,2),
  sold_on               date,
  results_publish_by    date,
  contract              jsonb,
  actual_hand_over      date,
  title_number          varchar(64),
  created_by            varchar(64)   not null,
  created_at            timestamptz   not null,
  updated_at            timestamptz   not null,
  ended_at              timestamptz
);
create index pf_land_case_key on pf_land_case (case_key, created_at desc);
create index pf_land_case_credit on pf_land_case (credit_code, created_at desc);
create unique index pf_land_case_instance on pf_land_case (process_instance_id);

-- The payments of a sale contract (down payment and balance), each with its due date; paid_on and the late-payment
-- penalty are recorded when finance confirms it; extended_to is the later date the county government allowed (the
-- penalty still runs from due_on).
create table pf_land_payment (
  land_case_id   bigint        not null references pf_land_case (id),
  seq            integer       not null,
  name           varchar(32)   not null,
  due_on         date          not null,
  amount         numeric(20,2) not null,
  extended_to    date,
  paid_on        date,
  paid_amount    numeric(20,2),
  penalty        numeric(20,2),
  primary key (land_case_id, seq)
);
