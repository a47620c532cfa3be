package io.tokenwarden.tokens;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A token's plaintext is only ever shown by asking for it. */
class TokenSecretTests {

	@Test
	void toStringThenRedacted() {
		TokenSecret secret = TokenSecret.of("EAAD-do-not-print-me");

		assertThat(secret.toString()).isEqualTo("TokenSecret[redacted]");
		assertThat(String.valueOf(secret) + " " + secret).doesNotContain("do-not-print-me");
		assertThat(secret.reveal()).isEqualTo("EAAD-do-not-print-me");
	}

	@Test
	void newTokenToStringThenItsSecretsAreRedacted() {
		NewToken token = new NewToken(TokenSecret.of("access-do-not-print"), TokenSecret.of("refresh-do-not-print"),
				Instant.EPOCH, null, "ads_read");

		assertThat(token.toString()).doesNotContain("do-not-print").contains("ads_read");
	}

	@Test
	void ofWhenBlankThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenSecret.of(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> TokenSecret.of(null));
		assertThatIllegalArgumentException().isThrownBy(() -> new NewToken(null, null, null, null, null));
	}

}
