package io.tokenwarden.tokens;

/**
 * The ciphertexts an invalidation took off a token row, still encrypted for their account, and the
 * status the token had before. Only the revocation outbox holds them, until the revocation is over.
 */
public record RemovedSecrets(TokenStatus previousStatus, byte[] accessTokenCiphertext, byte[] tokenSecretCiphertext) {
}
