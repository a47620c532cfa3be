-- Unlinking an account from its last agency archives it: the row stays for the audit and for a later
-- connect of the same identity, but no page shows it (it has no links) and nothing checks it (its
-- token is invalidated and its ciphertexts are gone).
alter table publisher_account add column archived_at timestamptz;

-- Automations belong to the agency that set them up, so that unlinking one agency takes its own
-- automations away and leaves the other agencies' alone. Existing ones are given to the first agency
-- the account is linked to.
alter table automation add column agency_id bigint references agency (id) on delete cascade;

update automation a set agency_id = (select min(l.agency_id) from agency_account_link l where l.account_id = a.account_id);

create index automation_agency_idx on automation (account_id, agency_id);
