package io.tokenwarden.tokens;

/** Which of an account's two tokens a ciphertext holds; part of its associated data. */
public enum TokenKind {

	ACCESS, REFRESH

}
