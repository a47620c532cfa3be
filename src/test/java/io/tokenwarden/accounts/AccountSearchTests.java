package io.tokenwarden.accounts;

import io.tokenwarden.agencies.AgencyDirectory;
import io.tokenwarden.publishers.Publisher;
import io.tokenwarden.tokens.AccountTokens;
import io.tokenwarden.tokens.TokenStatus;
import io.tokenwarden.testsupport.DemoConsoleTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The queries of Config > Accounts, through {@link AccountDirectory#search}, on the real database. */
@DemoConsoleTest
class AccountSearchTests {

	/** The application's clock, which other tests of this context move forward: "now" for the page. */
	@Autowired
	Clock clock;

	@Autowired
	AccountDirectory directory;

	@Autowired
	AgencyDirectory agencies;

	@Autowired
	AccountTokens tokens;

	@Autowired
	JdbcClient jdbc;

	private AccountFixtures fixtures;

	private long agency;

	private long otherAgency;

	/** Five accounts of one agency, numbered 1 to 5 in creation order. */
	private final long[] account = new long[6];

	private String u;

	@BeforeEach
	void fiveAccountsAndOneOfAnotherAgency() {
		this.fixtures = new AccountFixtures(this.agencies, this.directory, this.tokens, this.jdbc);
		this.u = AccountFixtures.unique();
		this.agency = this.fixtures.agency("Search Agency");
		this.otherAgency = this.fixtures.agency("Other Agency");
		Instant now = this.clock.instant();
		this.account[1] = this.fixtures.account(Publisher.FACEBOOK, "e" + this.u, "alpha Coffee " + this.u,
				"Marketing.Alpha@Brands.test", this.agency, this.otherAgency);
		this.account[2] = this.fixtures.account(Publisher.X, "d" + this.u, "Bravo 100% Natural " + this.u,
				"bravo@mail.test", this.agency);
		this.account[3] = this.fixtures.account(Publisher.X, "c" + this.u, "Charlie 100 Natural " + this.u,
				"charlie@mail.test", this.agency);
		this.account[4] = this.fixtures.account(Publisher.FACEBOOK, "b" + this.u, "Delta snake_case " + this.u,
				"delta@brands.test", this.agency);
		this.account[5] = this.fixtures.account(Publisher.FACEBOOK, "a" + this.u, "Echo snakeXcase " + this.u,
				"echo@brands.test", this.agency);
		this.fixtures.account(Publisher.FACEBOOK, "z" + this.u, "alpha Coffee elsewhere " + this.u, "else@brands.test",
				this.otherAgency);
		this.fixtures.token(this.account[1], TokenStatus.VALID, null, now.plus(Duration.ofDays(10)), "test");
		this.fixtures.token(this.account[2], TokenStatus.EXPIRED, "PASSWORD_CHANGED", now.minus(Duration.ofDays(2)), "test");
		this.fixtures.token(this.account[3], TokenStatus.INVALIDATED, "USER_LEFT", now.plus(Duration.ofDays(5)), "test");
		this.fixtures.token(this.account[4], TokenStatus.VALID, null, now.plus(Duration.ofDays(40)), "test");
		this.fixtures.lastChecked(this.account[1], now.minus(Duration.ofHours(1)));
		this.fixtures.lastChecked(this.account[2], now.minus(Duration.ofHours(3)));
		this.fixtures.lastChecked(this.account[4], now.minus(Duration.ofMinutes(30)));
	}

	@Test
	void searchWhenNothingIsAskedThenEveryAccountLinkedToTheAgencyAndNoOther() {
		AccountPage page = search(null, null, null, null);

		assertThat(numbers(page)).containsExactly(1, 2, 3, 4, 5);
		assertThat(page.total()).isEqualTo(5);
	}

	@Test
	void searchThenEachRowNamesTheAgenciesItIsLinkedTo() {
		AccountRow alpha = search(null, null, null, null).rows().get(0);

		assertThat(alpha.linkedAgencies()).containsExactlyElementsOf(
				List.of(this.fixtures.agencyName(this.agency), this.fixtures.agencyName(this.otherAgency)).stream().sorted().toList());
		assertThat(search(null, null, null, null).rows().get(1).linkedAgencies())
			.containsExactly(this.fixtures.agencyName(this.agency));
	}

	@Test
	void searchWhenQMatchesTheNameInAnotherCaseThenFound() {
		assertThat(numbers(search("ALPHA coffee", null, null, null))).containsExactly(1);
	}

	@Test
	void searchWhenQMatchesTheExternalIdThenFound() {
		assertThat(numbers(search("D" + this.u, null, null, null))).containsExactly(2);
	}

	@Test
	void searchWhenQMatchesTheOwnerEmailInAnotherCaseThenFound() {
		assertThat(numbers(search("marketing.alpha@brands", null, null, null))).containsExactly(1);
		assertThat(numbers(search("BRANDS.TEST", null, null, null))).containsExactly(1, 4, 5);
	}

	@Test
	void searchWhenQHasAPercentSignThenItIsMatchedLiterally() {
		assertThat(numbers(search("100%", null, null, null))).containsExactly(2);
	}

	@Test
	void searchWhenQHasAnUnderscoreThenItIsMatchedLiterally() {
		assertThat(numbers(search("e_c", null, null, null))).containsExactly(4);
	}

	@Test
	void searchWhenQHasABackslashThenItMatchesNothingAndFailsNothing() {
		assertThat(search("\\", null, null, null).rows()).isEmpty();
	}

	@Test
	void searchWhenPublisherIsGivenThenOnlyItsAccounts() {
		assertThat(numbers(search(null, "X", null, null))).containsExactly(2, 3);
		assertThat(numbers(search(null, "facebook", null, null))).containsExactly(1, 4, 5);
	}

	@Test
	void searchWhenStatusIsGivenThenOnlyAccountsWhoseTokenHasIt() {
		assertThat(numbers(search(null, null, "VALID", null))).containsExactly(1, 4);
		assertThat(numbers(search(null, null, "EXPIRED", null))).containsExactly(2);
		assertThat(numbers(search(null, null, "INVALIDATED", null))).containsExactly(3);
	}

	@Test
	void searchWhenSearchAndFiltersAreCombinedThenAllApply() {
		assertThat(numbers(search("snake", "FACEBOOK", "VALID", null))).containsExactly(4);
		assertThat(search("snake", "X", null, null).total()).isZero();
	}

	@ParameterizedTest(name = "sort={0}")
	@CsvSource({ "'name,asc', 1 2 3 4 5", "'name,desc', 5 4 3 2 1", "'id,asc', 5 4 3 2 1", "'id,desc', 1 2 3 4 5",
			"'publisher,asc', 1 4 5 2 3", "'publisher,desc', 3 2 5 4 1", "'status,asc', 2 3 1 4 5",
			"'status,desc', 1 4 3 2 5", "'lastChecked,asc', 2 1 4 3 5", "'lastChecked,desc', 4 1 2 3 5",
			"'expires,asc', 2 3 1 4 5", "'expires,desc', 4 1 3 2 5", "'nonsense,desc', 1 2 3 4 5" })
	void searchWhenSortedThenRowsComeInThatOrderWithEmptyValuesLast(String sort, String expected) {
		assertThat(numbers(search(null, null, null, sort)))
			.containsExactlyElementsOf(Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList());
	}

	@Test
	void searchWhenMoreThanAPageThenFiftyAPageWithTheTotal() {
		long paged = this.fixtures.agency("Paged Agency");
		this.fixtures.manyAccounts(paged, "Page " + this.u, 120);

		AccountPage first = this.directory.search(paged, AccountQuery.of(null, null, null, null, null, null));
		AccountPage last = this.directory.search(paged, AccountQuery.of(null, null, null, null, 2, null));

		assertThat(first.rows()).hasSize(50);
		assertThat(first.total()).isEqualTo(120);
		assertThat(first.totalPages()).isEqualTo(3);
		assertThat(first.hasPrevious()).isFalse();
		assertThat(first.hasNext()).isTrue();
		assertThat(first.rows().get(0).name()).isEqualTo("Page " + this.u + " 000");
		assertThat(last.rows()).hasSize(20);
		assertThat(last.rows().get(19).name()).isEqualTo("Page " + this.u + " 119");
		assertThat(last.hasNext()).isFalse();
		assertThat(last.hasPrevious()).isTrue();
		assertThat(last.firstRow()).isEqualTo(101);
		assertThat(last.lastRow()).isEqualTo(120);
	}

	@Test
	void searchWhenPageIsBeyondTheLastThenNoRowsButTheTotal() {
		AccountPage beyond = this.directory.search(this.agency, AccountQuery.of(null, null, null, null, 7, null));

		assertThat(beyond.rows()).isEmpty();
		assertThat(beyond.total()).isEqualTo(5);
	}

	@Test
	void searchWhenFilteredThenTheTotalCountsEveryMatchNotJustThePage() {
		AccountPage firstOfTwo = this.directory.search(this.agency, AccountQuery.of("snake", null, null, null, null, 1));
		AccountPage beyond = this.directory.search(this.agency, AccountQuery.of("snake", null, null, null, 9, null));

		assertThat(firstOfTwo.rows()).hasSize(1);
		assertThat(firstOfTwo.total()).isEqualTo(2);
		assertThat(beyond.rows()).isEmpty();
		assertThat(beyond.total()).isEqualTo(2);
		assertThat(search(null, null, "VALID", null).total()).isEqualTo(2);
	}

	@Test
	void searchWhenATokenChangesStatusThenEveryLinkedAgencysFilterFollows() {
		this.tokens.changeStatus(this.account[1], TokenStatus.EXPIRED, "PASSWORD_CHANGED", null, "test");

		assertThat(numbers(search(null, null, "EXPIRED", null))).containsExactly(1, 2);
		assertThat(numbers(search(null, null, "VALID", null))).containsExactly(4);
		assertThat(this.directory.search(this.otherAgency, AccountQuery.of(null, null, "EXPIRED", null, null, null)).rows())
			.extracting(AccountRow::id)
			.containsExactly(this.account[1]);
	}

	@Test
	void searchWhenAnAccountIsRenamedThenItIsFoundAndSortedByItsNewName() {
		this.jdbc.sql("update publisher_account set name = ? where id = ?")
			.params("Zulu Tea " + this.u, this.account[1])
			.update();

		assertThat(numbers(search("zulu tea", null, null, null))).containsExactly(1);
		assertThat(search("alpha coffee", null, null, null).total()).isZero();
		assertThat(numbers(search(null, null, null, "name,asc"))).containsExactly(2, 3, 4, 5, 1);
	}

	@Test
	void searchWhenAnAccountIsLinkedAfterItsTokenWasStoredThenTheNewAgencyFiltersItByStatus() {
		long later = this.fixtures.agency("Later Agency");
		this.directory.link(later, this.account[2]);

		assertThat(this.directory.search(later, AccountQuery.of(null, null, "EXPIRED", null, null, null)).rows())
			.extracting(AccountRow::id)
			.containsExactly(this.account[2]);
	}

	@Test
	void searchWhenATokenRowIsRemovedThenTheAccountHasNoStatusAndSortsLast() {
		this.jdbc.sql("delete from account_token where account_id = ?").param(this.account[1]).update();

		assertThat(numbers(search(null, null, "VALID", null))).containsExactly(4);
		assertThat(numbers(search(null, null, null, "status,asc"))).containsExactly(2, 3, 4, 1, 5);
	}

	@Test
	void searchWhenLinksComeAndGoThenTheAgencysTotalFollows() {
		long paged = this.fixtures.agency("Counted Agency");
		this.fixtures.manyAccounts(paged, "Count " + this.u, 60);
		this.directory.link(paged, this.account[1]);
		this.directory.link(paged, this.account[1]);
		this.jdbc.sql("delete from publisher_account where id = ?").param(this.account[2]).update();
		this.directory.link(paged, this.account[3]);
		this.jdbc.sql("delete from agency_account_link where agency_id = ? and account_id = ?")
			.params(paged, this.account[3])
			.update();

		AccountPage first = this.directory.search(paged, AccountQuery.of(null, null, null, null, null, null));

		assertThat(first.total()).isEqualTo(61);
		assertThat(first.totalPages()).isEqualTo(2);
		assertThat(search(null, null, null, null).total()).isEqualTo(4);
	}

	@Test
	void searchWhenAgencyHasNoAccountsThenAnEmptyPage() {
		AccountPage empty = this.directory.search(this.fixtures.agency("Empty Agency"),
				AccountQuery.of(null, null, null, null, null, null));

		assertThat(empty.rows()).isEmpty();
		assertThat(empty.total()).isZero();
		assertThat(empty.totalPages()).isEqualTo(1);
	}

	@Test
	void searchWhenTheSameTermWasSearchedInAnotherAgencyThenOnlyThisAgencysMatches() {
		this.directory.search(this.otherAgency, AccountQuery.of("coffee", null, null, null, null, null));

		assertThat(numbers(search("coffee", null, null, null))).containsExactly(1);
		assertThat(this.directory.search(this.otherAgency, AccountQuery.of("coffee", null, null, null, null, null)).total())
			.isEqualTo(2);
	}

	@ParameterizedTest(name = "\"{0}\": one cached plan for every agency {1}")
	@CsvSource(delimiter = '|', value = { "coffee|true", "co|false", "a|false", "ab c|false", "x-ab1|true", "a.b.c|false",
			"ééé|true", "''|false" })
	void searchKeepsOneCachedPlanOnlyWhenItsTermHasATrigramForTheIndex(String q, boolean onePlan) {
		AccountSearch.Statements statements = AccountSearch.statements(this.agency,
				AccountQuery.of(q, null, null, "expires", null, null));

		assertThat(statements.planCacheMode()).isEqualTo(onePlan ? "force_generic_plan" : "force_custom_plan");
	}

	@ParameterizedTest(name = "publisher {0}, status {1}, sort {2}: one cached plan for every agency {3}")
	@CsvSource(delimiter = '|', value = { "''|''|name|true", "X|EXPIRED|name|true", "''|VALID|name,desc|true",
			"''|''|expires|false", "FACEBOOK|''|status|false" })
	void listKeepsOneCachedPlanOnlyWhenItReadsTheNameInOrder(String publisher, String status, String sort,
			boolean onePlan) {
		AccountSearch.Statements statements = AccountSearch.statements(this.agency,
				AccountQuery.of(null, publisher, status, sort, null, null));

		assertThat(statements.planCacheMode()).isEqualTo(onePlan ? "force_generic_plan" : "force_custom_plan");
	}

	private AccountPage search(String q, String publisher, String status, String sort) {
		return this.directory.search(this.agency, AccountQuery.of(q, publisher, status, sort, null, null));
	}

	/** The rows as the numbers 1 to 5 of this test's accounts. */
	private List<Integer> numbers(AccountPage page) {
		List<Long> ids = Arrays.stream(this.account).boxed().toList();
		return page.rows().stream().map(row -> ids.indexOf(row.id())).toList();
	}

}
