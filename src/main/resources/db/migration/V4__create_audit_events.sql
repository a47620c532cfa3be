-- Append-only record of who did what. No foreign keys: the record outlives what it talks about.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz  not null default now(),
    actor        varchar(320),
    agency_id    bigint,
    account_id   bigint,
    action       varchar(64)  not null,
    detail       varchar(2000),
    client_ip    varchar(64)
);
create index audit_event_account_idx on audit_event (account_id, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit events are append-only';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each statement execute function audit_event_is_append_only();
