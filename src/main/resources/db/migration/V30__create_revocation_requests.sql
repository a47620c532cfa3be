-- The revocation outbox: written in the invalidation's own transaction, sent to the publisher after commit.
-- The token ciphertexts live here (and only here) until the revocation is done or abandoned, then are erased.
create table revocation_request (
    id                         bigint generated always as identity primary key,
    account_id                 bigint       not null references publisher_account (id) on delete cascade,
    publisher                  varchar(16)  not null check (publisher in ('FACEBOOK', 'X')),
    publisher_user_id          varchar(64)  not null,
    access_token_ciphertext    bytea,
    refresh_token_ciphertext   bytea,
    status                     varchar(16)  not null default 'PENDING' check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts                   int          not null default 0,
    next_attempt_at            timestamptz  not null default now(),
    last_error                 varchar(500),
    requested_by               varchar(320) not null,
    requested_at               timestamptz  not null default now(),
    completed_at               timestamptz,
    constraint revocation_request_secret_erased
        check (status = 'PENDING' or (access_token_ciphertext is null and refresh_token_ciphertext is null))
);
create index revocation_request_due_idx on revocation_request (next_attempt_at) where status = 'PENDING';
create index revocation_request_account_idx on revocation_request (account_id, requested_at desc);
