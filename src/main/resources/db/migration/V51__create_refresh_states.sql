-- Which account each consent's state was issued for, by whom: only to name the account in the audit event
-- of a callback whose state is not pending in its browser session (used, replaced, or from another session).
-- Never used to complete a refresh: the request saved in the session is the only authority for that.
-- The state is kept as a SHA-256 hash; rows older than a day are removed as new ones are written.
create table refresh_state (
    state_hash  bytea        primary key,
    account_id  bigint       not null references publisher_account (id) on delete cascade,
    agency_id   bigint       not null,
    actor       varchar(320) not null,
    issued_at   timestamptz  not null
);
create index refresh_state_issued_idx on refresh_state (issued_at);
