package io.tokenwarden.tokens;

import io.tokenwarden.TokenWardenApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatException;

/** Outside the demo, tokens are never stored in plaintext: without a usable key set the app does not start. */
class KeysetRequiredTests {

	@Test
	void startWhenTheDemoIsOffAndNoKeysetIsGivenThenStartupFailsSayingWhatIsMissing() {
		assertThatException().isThrownBy(() -> start("--tokenwarden.encryption.keyset="))
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("tokenwarden.encryption.keyset (TOKENWARDEN_ENCRYPTION_KEYSET) is required");
	}

	@Test
	void startWhenTheKeysetIsNotATinkKeysetThenStartupFailsWithoutRepeatingIt() {
		assertThatException().isThrownBy(() -> start("--tokenwarden.encryption.keyset=c2VjcmV0LWJ1dC1ub3QtYS1rZXlzZXQ="))
			.havingRootCause()
			.withMessage("tokenwarden.encryption.keyset is not a valid Tink AEAD key set");
	}

	/** Starts (and, should it start, closes) the app with the demo off, on a database of its own. */
	private static void start(String keyset) {
		new SpringApplicationBuilder(TokenWardenApplication.class)
			.run("--server.port=0", "--tokenwarden.demo.enabled=false", "--tokenwarden.data-dir=target/test-data-demo-off",
					keyset)
			.close();
	}

}
