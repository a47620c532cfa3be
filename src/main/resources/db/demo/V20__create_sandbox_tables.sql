-- The demo's imitation Facebook and X (the sandbox module). Used only in the demo profile.
-- Tokens and authorization codes are stored as SHA-256 hashes only, never as plaintext.

-- A person who can sign in at the imitation publisher.
create table sandbox_user (
    id                bigint generated always as identity primary key,
    publisher         varchar(16)  not null check (publisher in ('FACEBOOK', 'X')),
    external_id       varchar(64)  not null,
    name              varchar(300) not null,
    -- bumped by "change the password": tokens issued under an older version stop working
    password_version  integer      not null default 1,
    -- Facebook's security checkpoint (190/459); cleared when the user signs in through the dialog
    checkpointed      boolean      not null default false,
    constraint sandbox_user_external_unique unique (publisher, external_id)
);

-- Facebook Pages the user has a role on; min_level is the lowest access level that sees the Page.
create table sandbox_page (
    id         bigint generated always as identity primary key,
    user_id    bigint       not null references sandbox_user (id) on delete cascade,
    page_id    varchar(64)  not null unique,
    name       varchar(300) not null,
    category   varchar(100) not null,
    min_level  varchar(16)  not null check (min_level in ('ANALYST', 'ADVERTISER', 'ADMIN')),
    position   integer      not null
);
create index sandbox_page_user_idx on sandbox_page (user_id, position);

-- Facebook ad accounts with their billing state.
create table sandbox_ad_account (
    id                 bigint generated always as identity primary key,
    user_id            bigint       not null references sandbox_user (id) on delete cascade,
    account_id         varchar(64)  not null unique,
    name               varchar(300) not null,
    currency           varchar(3)   not null,
    min_level          varchar(16)  not null check (min_level in ('ANALYST', 'ADVERTISER', 'ADMIN')),
    position           integer      not null,
    account_status     integer      not null default 1,
    disable_reason     integer      not null default 0,
    funding_source_id  varchar(64)  not null,
    funding_display    varchar(100) not null,
    funding_type       integer      not null,
    funding_valid      boolean      not null default true
);
create index sandbox_ad_account_user_idx on sandbox_ad_account (user_id, position);

-- One consent: the user allowed the app at an access level. Revoking it kills all its tokens.
create table sandbox_grant (
    id            bigint generated always as identity primary key,
    user_id       bigint        not null references sandbox_user (id) on delete cascade,
    access_level  varchar(16)   not null check (access_level in ('ANALYST', 'ADVERTISER', 'ADMIN')),
    scopes        varchar(1000) not null,
    created_at    timestamptz   not null,
    revoked_at    timestamptz,
    revoked_by    varchar(16)   check (revoked_by in ('APP', 'USER')),
    constraint sandbox_grant_revoked_has_actor check ((revoked_at is null) = (revoked_by is null))
);
create index sandbox_grant_user_idx on sandbox_grant (user_id);
create index sandbox_grant_revoked_idx on sandbox_grant (revoked_at) where revoked_at is not null;

-- Issued access and refresh tokens, by the hex SHA-256 of their value.
create table sandbox_token (
    token_hash              char(64)    primary key,
    grant_id                bigint      not null references sandbox_grant (id) on delete cascade,
    kind                    varchar(16) not null check (kind in ('ACCESS', 'REFRESH')),
    password_version        integer     not null,
    issued_at               timestamptz not null,
    expires_at              timestamptz,
    data_access_expires_at  timestamptz,
    -- refresh tokens are single-use: set when one is exchanged
    used_at                 timestamptz
);
create index sandbox_token_grant_idx on sandbox_token (grant_id);

-- Authorization codes: single-use, short-lived, bound to client, redirect URI and PKCE challenge.
create table sandbox_code (
    code_hash       char(64)      primary key,
    publisher       varchar(16)   not null check (publisher in ('FACEBOOK', 'X')),
    user_id         bigint        not null references sandbox_user (id) on delete cascade,
    access_level    varchar(16)   not null check (access_level in ('ANALYST', 'ADVERTISER', 'ADMIN')),
    scopes          varchar(1000) not null,
    client_id       varchar(200)  not null,
    redirect_uri    varchar(2000) not null,
    code_challenge  varchar(128),
    expires_at      timestamptz   not null,
    used_at         timestamptz
);

-- How each imitation publisher answers right now: normally, down, slowly or rate-limited.
create table sandbox_publisher_mode (
    publisher   varchar(16) primary key check (publisher in ('FACEBOOK', 'X')),
    mode        varchar(16) not null check (mode in ('NORMAL', 'DOWN', 'SLOW', 'RATE_LIMITED')),
    changed_at  timestamptz not null default now()
);
insert into sandbox_publisher_mode (publisher, mode) values ('FACEBOOK', 'NORMAL'), ('X', 'NORMAL');
