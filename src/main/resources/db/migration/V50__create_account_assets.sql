-- The pages and ad accounts an account's token could see at its last refresh, with the user's tasks there.
create table account_asset (
    account_id  bigint        not null references publisher_account (id) on delete cascade,
    kind        varchar(16)   not null check (kind in ('PAGE', 'AD_ACCOUNT', 'PROFILE')),
    asset_id    varchar(64)   not null,
    name        varchar(300)  not null,
    tasks       varchar(300)  not null default '',
    seen_at     timestamptz   not null default now(),
    primary key (account_id, kind, asset_id)
);
