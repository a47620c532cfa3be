package io.tokenwarden.tokens;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** AES-256-GCM through a Tink key set: bound to its row, rotatable, never echoing secrets. */
class TokenCipherTests {

	private static final TokenSecret SECRET = TokenSecret.of("EAAD-cipher-test-plaintext");

	private final String keyset = TokenCipher.generateKeyset();

	private final TokenCipher cipher = new TokenCipher(this.keyset);

	@Test
	void encryptThenDecryptGivesTheSecretBackAndTheCiphertextDoesNotHoldIt() {
		byte[] ciphertext = this.cipher.encrypt(7, TokenKind.ACCESS, SECRET);

		assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET.reveal());
		assertThat(this.cipher.decrypt(7, TokenKind.ACCESS, ciphertext)).isEqualTo(SECRET);
		assertThat(this.cipher.encrypt(7, TokenKind.ACCESS, SECRET)).as("a fresh nonce each time").isNotEqualTo(ciphertext);
	}

	@Test
	void decryptWhenTheCiphertextBelongsToAnotherAccountThenFailsWithoutShowingIt() {
		byte[] ciphertext = this.cipher.encrypt(7, TokenKind.ACCESS, SECRET);

		assertThatExceptionOfType(TokenDecryptionException.class)
			.isThrownBy(() -> this.cipher.decrypt(8, TokenKind.ACCESS, ciphertext))
			.withMessageContaining("account 8")
			.withMessageNotContaining(SECRET.reveal());
	}

	@Test
	void decryptWhenTheCiphertextIsTheOtherKindThenFails() {
		byte[] ciphertext = this.cipher.encrypt(7, TokenKind.TOKEN_SECRET, SECRET);

		assertThatExceptionOfType(TokenDecryptionException.class)
			.isThrownBy(() -> this.cipher.decrypt(7, TokenKind.ACCESS, ciphertext));
	}

	@Test
	void decryptWhenTheCiphertextWasTamperedWithThenFails() {
		byte[] ciphertext = this.cipher.encrypt(7, TokenKind.ACCESS, SECRET);
		ciphertext[ciphertext.length - 1] ^= 1;

		assertThatExceptionOfType(TokenDecryptionException.class)
			.isThrownBy(() -> this.cipher.decrypt(7, TokenKind.ACCESS, ciphertext));
	}

	@Test
	void decryptWhenANewPrimaryKeyWasAddedThenOldCiphertextsStillDecryptAndNewOnesUseTheNewKey() throws Exception {
		byte[] old = this.cipher.encrypt(7, TokenKind.ACCESS, SECRET);
		KeysetHandle rotated = KeysetHandle
			.newBuilder(TinkJsonProtoKeysetFormat.parseKeyset(this.keyset, InsecureSecretKeyAccess.get()))
			.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
			.build();
		TokenCipher rotatedCipher = new TokenCipher(
				TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get()));

		assertThat(rotated.size()).isEqualTo(2);
		assertThat(rotatedCipher.decrypt(7, TokenKind.ACCESS, old)).isEqualTo(SECRET);
		byte[] fresh = rotatedCipher.encrypt(7, TokenKind.ACCESS, SECRET);
		assertThatExceptionOfType(TokenDecryptionException.class).as("written with the new primary key")
			.isThrownBy(() -> this.cipher.decrypt(7, TokenKind.ACCESS, fresh));
	}

	@Test
	void newCipherWhenTheKeysetIsBase64ThenAccepted() {
		String base64 = Base64.getEncoder().encodeToString(this.keyset.getBytes(StandardCharsets.UTF_8));
		byte[] ciphertext = this.cipher.encrypt(7, TokenKind.ACCESS, SECRET);

		assertThat(new TokenCipher(base64).decrypt(7, TokenKind.ACCESS, ciphertext)).isEqualTo(SECRET);
	}

	@Test
	void newCipherWhenTheKeysetIsNotOneThenRefusesWithoutRepeatingIt() {
		for (String notAKeyset : new String[] { "{\"not\": \"a keyset\"}", "!!! not base64 !!!", "c2VjcmV0LW5vdC1rZXlzZXQ=" }) {
			assertThatIllegalStateException().isThrownBy(() -> new TokenCipher(notAKeyset))
				.withMessage("tokenwarden.encryption.keyset is not a valid Tink AEAD key set");
		}
	}

}
