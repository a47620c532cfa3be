package io.tokenwarden.members;

import io.tokenwarden.linktokens.LinkPurpose;
import io.tokenwarden.linktokens.LinkTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The emailed links' tokens: 256 random bits, only a hash at rest, one use per subject, an expiry. */
class LinkTokensTests extends TeamTestSupport {

	@Autowired
	LinkTokens tokens;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void issueThenA256BitTokenWhoseHashAloneIsStored() {
		Instant now = this.clock.instant();
		String token = this.tokens.issue(LinkPurpose.PASSWORD_RESET, 910_001, now.plusSeconds(60), now);

		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(count("select count(*) from link_token where subject_id = 910001 and octet_length(token_hash) = 32")).isOne();
		assertThat(this.jdbc.sql("select encode(token_hash, 'escape') || encode(token_hash, 'base64') || encode(token_hash, 'hex') from link_token where subject_id = 910001")
			.query(String.class).single()).doesNotContain(token);
		assertThat(this.tokens.find(LinkPurpose.PASSWORD_RESET, token, now)).contains(910_001L);
		assertThat(this.tokens.find(LinkPurpose.INVITATION, token, now)).as("another purpose").isEmpty();
	}

	@Test
	void consumeThenOnceForTheWholeSubjectAndNeverAfterExpiry() {
		Instant now = this.clock.instant();
		String first = this.tokens.issue(LinkPurpose.INVITATION, 910_002, now.plusSeconds(60), now);
		String resent = this.tokens.issue(LinkPurpose.INVITATION, 910_002, now.plusSeconds(60), now);
		String expiring = this.tokens.issue(LinkPurpose.INVITATION, 910_003, now.plusSeconds(60), now);

		assertThat(consume(resent, now)).contains(910_002L);
		assertThat(consume(resent, now)).isEmpty();
		assertThat(consume(first, now)).as("the same subject's other email").isEmpty();
		assertThat(consume(expiring, now.plus(Duration.ofSeconds(61)))).isEmpty();
		assertThat(consume("not a token", now)).isEmpty();
	}

	private Optional<Long> consume(String token, Instant now) {
		return this.transactions.execute(status -> this.tokens.consume(LinkPurpose.INVITATION, token, now));
	}

}
