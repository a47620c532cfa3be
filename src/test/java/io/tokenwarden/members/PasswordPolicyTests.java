package io.tokenwarden.members;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules, on their own. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void lengthThenTwelveToOneHundredTwentyEightCharacters() {
		assertThat(this.policy.check("elevenchars", "a@b.test")).contains("password.policy.tooShort");
		assertThat(this.policy.check("twelve chars", "a@b.test")).isEmpty();
		assertThat(this.policy.check("x".repeat(64) + "y".repeat(64), "a@b.test")).isEmpty();
		assertThat(this.policy.check("z".repeat(129), "a@b.test")).contains("password.policy.tooLong");
		assertThat(this.policy.check(null, "a@b.test")).contains("password.policy.tooShort");
	}

	@Test
	void lengthThenCountsCharactersNotUtf16Units() {
		// eleven emoji are 22 UTF-16 units but eleven characters
		assertThat(this.policy.check("\uD83D\uDD11".repeat(11), "a@b.test")).contains("password.policy.tooShort");
		assertThat(this.policy.check("\uD83D\uDD11".repeat(12), "a@b.test")).isEmpty();
	}

	@Test
	void theEmailAddressThenRefusedWhateverItsCase() {
		assertThat(this.policy.check("Someone.Long@Agency.test", "someone.long@agency.test")).contains("password.policy.isEmail");
	}

	@Test
	void aCommonPasswordThenRefusedWhateverItsCase() {
		assertThat(this.policy.check("password1234", "a@b.test")).contains("password.policy.common");
		assertThat(this.policy.check("QWERTY123456", "a@b.test")).contains("password.policy.common");
		assertThat(this.policy.check("1qaz2wsx3edc", "a@b.test")).contains("password.policy.common");
		assertThat(this.policy.check("plum tractor 9 lanterns", "a@b.test")).isEmpty();
	}

	@Test
	void shippedListThenHoldsAtLeastTenThousandPasswords() {
		assertThat(this.policy.commonPasswords()).isGreaterThanOrEqualTo(10_000);
	}

}
