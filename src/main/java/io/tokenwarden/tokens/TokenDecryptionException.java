package io.tokenwarden.tokens;

/** A stored token could not be decrypted or encrypted. Its message never holds a token. */
public class TokenDecryptionException extends RuntimeException {

	public TokenDecryptionException(String message) {
		super(message);
	}

}
