package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** The accounts module's API: publisher accounts and the agencies they are linked to. */
@Service
public class AccountDirectory {

	private final PublisherAccountRepository accounts;

	private final AccountSearch search;

	private final JdbcClient jdbc;

	AccountDirectory(PublisherAccountRepository accounts, AccountSearch search, JdbcClient jdbc) {
		this.accounts = accounts;
		this.search = search;
		this.jdbc = jdbc;
	}

	@Transactional
	public PublisherAccount create(Publisher publisher, String externalId, String name, String ownerEmail) {
		return this.accounts.save(new PublisherAccount(publisher, externalId, name, ownerEmail));
	}

	@Transactional
	public void link(long agencyId, long accountId) {
		this.jdbc.sql("insert into agency_account_link (agency_id, account_id) values (?, ?) on conflict do nothing")
			.params(agencyId, accountId)
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<PublisherAccount> find(long accountId) {
		return this.accounts.findById(accountId);
	}

	@Transactional(readOnly = true)
	public Optional<PublisherAccount> find(Publisher publisher, String externalId) {
		return this.accounts.findByPublisherAndExternalId(publisher, externalId);
	}

	/** The names of every agency the account is linked to, by name. */
	@Transactional(readOnly = true)
	public List<String> linkedAgencyNames(long accountId) {
		return this.jdbc.sql("""
				select g.name from agency_account_link l join agency g on g.id = l.agency_id
				where l.account_id = ? order by g.name""")
			.param(accountId)
			.query(String.class)
			.list();
	}

	/** The account as a row of Config > Accounts. */
	@Transactional(readOnly = true)
	public Optional<AccountRow> row(long accountId) {
		return Optional.ofNullable(this.search.row(accountId));
	}

	@Transactional(readOnly = true)
	public AccountPage search(long agencyId, AccountQuery query) {
		return this.search.search(agencyId, query);
	}

}
