-- A Connect's consent is issued before any account exists: its state names the agency and the admin
-- only, until the callback finds or makes the account.
alter table refresh_state alter column account_id drop not null;
