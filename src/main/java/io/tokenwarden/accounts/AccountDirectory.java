package io.tokenwarden.accounts;

import io.tokenwarden.publishers.Publisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

	/** What a connect found or made: the account, whether it is new, and the agencies that had it before. */
	public record Connection(PublisherAccount account, boolean created, boolean wasLinkedHere, List<Long> agenciesBefore) {
	}

	/**
	 * The account of a publisher identity that an admin of {@code agencyId} just proved control of: the one
	 * Token Warden knows (taken out of the archive if it was there) or a new one, linked to the agency.
	 * Concurrent connects of one identity take turns on a transaction lock, so there is never a second
	 * account for it, nor a second link. Joins the caller's transaction (the connect's).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Connection connect(long agencyId, Publisher publisher, String externalId, String name, String ownerEmail) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(publisher.name() + ":" + externalId)
			.query((rs, n) -> 1)
			.single();
		Optional<PublisherAccount> known = this.accounts.findByPublisherAndExternalId(publisher, externalId);
		PublisherAccount account = known.orElseGet(() -> this.accounts.saveAndFlush(new PublisherAccount(publisher,
				externalId, truncate(name == null || name.isBlank() ? externalId : name, 300), ownerEmail)));
		if (known.isPresent() && account.archived()) {
			account.restore(truncate(name, 300));
			this.accounts.flush();
		}
		List<Long> before = this.jdbc.sql("select agency_id from agency_account_link where account_id = ?")
			.param(account.id())
			.query(Long.class)
			.list();
		link(agencyId, account.id());
		return new Connection(account, known.isEmpty(), before.contains(agencyId), before);
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

	/** These accounts, in one query; missing ids are left out. */
	@Transactional(readOnly = true)
	public List<PublisherAccount> findAll(List<Long> accountIds) {
		return this.accounts.findAllWithIds(accountIds);
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

	/** The ids of every agency the account is linked to, in id order. */
	@Transactional(readOnly = true)
	public List<Long> linkedAgencyIds(long accountId) {
		return this.jdbc.sql("select agency_id from agency_account_link where account_id = ? order by agency_id")
			.param(accountId)
			.query(Long.class)
			.list();
	}

	/** What the account's token could see at its last refresh, by kind and name. */
	@Transactional(readOnly = true)
	public List<SeenAsset> assets(long accountId) {
		return this.jdbc.sql("select kind, asset_id, name, tasks from account_asset where account_id = ? order by kind, name")
			.param(accountId)
			.query((rs, n) -> new SeenAsset(rs.getString("kind"), rs.getString("asset_id"), rs.getString("name"),
					rs.getString("tasks").isEmpty() ? List.of() : List.of(rs.getString("tasks").split(","))))
			.list();
	}

	/** {@link #assets(long)} of many accounts in one query, by account; accounts without any are left out. */
	@Transactional(readOnly = true)
	public Map<Long, List<SeenAsset>> assets(List<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<SeenAsset>> assets = new HashMap<>();
		this.jdbc.sql("""
				select account_id, kind, asset_id, name, tasks from account_asset
				where account_id in (:ids) order by account_id, kind, name""")
			.param("ids", accountIds)
			.query(rs -> {
				assets.computeIfAbsent(rs.getLong("account_id"), id -> new ArrayList<>())
					.add(new SeenAsset(rs.getString("kind"), rs.getString("asset_id"), rs.getString("name"),
							rs.getString("tasks").isEmpty() ? List.of() : List.of(rs.getString("tasks").split(","))));
			});
		return assets;
	}

	/** Replaces what the account's token sees; joins the caller's transaction (the refresh's). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void replaceAssets(long accountId, List<SeenAsset> assets) {
		this.jdbc.sql("delete from account_asset where account_id = ?").param(accountId).update();
		for (SeenAsset asset : assets) {
			this.jdbc.sql("""
					insert into account_asset (account_id, kind, asset_id, name, tasks) values (?, ?, ?, ?, ?)
					on conflict do nothing""")
				.params(accountId, asset.kind(), asset.assetId(), truncate(asset.name(), 300),
						truncate(String.join(",", asset.tasks()), 300))
				.update();
		}
	}

	private static String truncate(String value, int max) {
		return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
	}

	/** The account as a row of Config > Accounts. */
	@Transactional(readOnly = true)
	public Optional<AccountRow> row(long accountId) {
		return Optional.ofNullable(this.search.row(accountId));
	}

	/** Whether the account is linked to the agency (an account that is not does not exist for it). */
	@Transactional(readOnly = true)
	public boolean linked(long agencyId, long accountId) {
		return this.jdbc.sql("select exists (select 1 from agency_account_link where agency_id = ? and account_id = ?)")
			.params(agencyId, accountId)
			.query(Boolean.class)
			.single();
	}

	@Transactional(readOnly = true)
	public AccountPage search(long agencyId, AccountQuery query) {
		return this.search.search(agencyId, query);
	}

}
