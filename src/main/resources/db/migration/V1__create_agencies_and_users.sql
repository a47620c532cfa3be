-- Agencies, the people who sign in, and each person's role in each agency.
create table agency (
    id          bigint generated always as identity primary key,
    name        varchar(200) not null,
    created_at  timestamptz  not null default now(),
    constraint agency_name_unique unique (name)
);

create table app_user (
    id             bigint generated always as identity primary key,
    email          varchar(320) not null,
    display_name   varchar(200) not null,
    password_hash  varchar(100) not null,
    enabled        boolean      not null default true,
    created_at     timestamptz  not null default now(),
    constraint app_user_email_lower check (email = lower(email)),
    constraint app_user_email_unique unique (email)
);

create table agency_membership (
    user_id    bigint      not null references app_user (id) on delete cascade,
    agency_id  bigint      not null references agency (id) on delete cascade,
    role       varchar(16) not null check (role in ('ADMIN', 'MANAGER', 'VIEWER')),
    primary key (user_id, agency_id)
);
create index agency_membership_agency_idx on agency_membership (agency_id);
