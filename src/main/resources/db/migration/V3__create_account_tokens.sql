-- The one current token of each publisher account. Token values are AEAD ciphertexts only.
create table account_token (
    account_id                 bigint       primary key references publisher_account (id) on delete cascade,
    access_token_ciphertext    bytea,
    refresh_token_ciphertext   bytea,
    expires_at                 timestamptz,
    data_access_expires_at     timestamptz,
    scopes                     varchar(1000),
    status                     varchar(16)  not null check (status in ('VALID', 'EXPIRED', 'INVALIDATED')),
    status_reason              varchar(64),
    status_note                varchar(500),
    status_changed_at          timestamptz  not null default now(),
    status_changed_by          varchar(320),
    last_checked_at            timestamptz,
    version                    bigint       not null default 0,
    constraint account_token_invalidated_has_no_secret
        check (status <> 'INVALIDATED' or (access_token_ciphertext is null and refresh_token_ciphertext is null))
);
create index account_token_status_idx on account_token (status);
