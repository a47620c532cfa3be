package io.tokenwarden.tokens;

/**
 * Which of an account's two secrets a ciphertext holds; part of its associated data. Facebook holds an
 * access token only; X an OAuth 1.0a token ({@link #ACCESS}) and its token secret ({@link #TOKEN_SECRET}).
 */
public enum TokenKind {

	ACCESS, TOKEN_SECRET

}
