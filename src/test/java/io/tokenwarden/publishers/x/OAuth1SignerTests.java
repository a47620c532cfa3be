package io.tokenwarden.publishers.x;

import io.tokenwarden.tokens.TokenSecret;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OAuth 1.0a signer against the published examples: RFC 5849 section 3.4.1 and X's "Creating a signature". */
class OAuth1SignerTests {

	/** X's example request's {@code oauth_*} parameters (docs.x.com, "Creating a signature"). */
	private static Map<String, String> xExampleOAuth() {
		Map<String, String> oauth = new LinkedHashMap<>();
		oauth.put("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog");
		oauth.put("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");
		oauth.put("oauth_signature_method", "HMAC-SHA1");
		oauth.put("oauth_timestamp", "1318622958");
		oauth.put("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb");
		oauth.put("oauth_version", "1.0");
		return oauth;
	}

	private static final Map<String, String> X_EXAMPLE_FORM = Map.of("status",
			"Hello Ladies + Gentlemen, a signed OAuth request!");

	private static final TokenSecret X_CONSUMER_SECRET = TokenSecret.of("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw");

	private static final TokenSecret X_TOKEN_SECRET = TokenSecret.of("LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");

	@Test
	void baseStringWhenRfc5849ExampleThenTheRfcsBaseString() {
		Map<String, String> oauth = new LinkedHashMap<>();
		oauth.put("oauth_consumer_key", "9djdj82h48djs9d2");
		oauth.put("oauth_token", "kkk9d7dh3k39sjv7");
		oauth.put("oauth_signature_method", "HMAC-SHA1");
		oauth.put("oauth_timestamp", "137131201");
		oauth.put("oauth_nonce", "7d8f3e4a");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("c2", "");
		form.put("a3", "2 q");

		String base = OAuth1Signer.baseString("POST", URI.create("http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b"),
				form, oauth);

		// RFC 5849 3.4.1.1, the example's signature base string
		assertThat(base).isEqualTo("POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q"
				+ "%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2"
				+ "%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201"
				+ "%26oauth_token%3Dkkk9d7dh3k39sjv7");
	}

	@Test
	void signatureWhenXsCreatingASignatureExampleThenXsPublishedSignatures() {
		URI twitter = URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");
		URI x = URI.create("https://api.x.com/1.1/statuses/update.json?include_entities=true");

		assertThat(OAuth1Signer.signature("POST", twitter, X_EXAMPLE_FORM, xExampleOAuth(), X_CONSUMER_SECRET,
				X_TOKEN_SECRET)).isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
		assertThat(OAuth1Signer.signature("POST", x, X_EXAMPLE_FORM, xExampleOAuth(), X_CONSUMER_SECRET, X_TOKEN_SECRET))
			.isEqualTo("Ls93hJiZbQ3akF3HF3x1Bz8/zU4=");
		assertThat(OAuth1Signer.baseString("POST", x, X_EXAMPLE_FORM, xExampleOAuth())).isEqualTo(
				"POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key"
						+ "%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"
						+ "%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token"
						+ "%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status"
						+ "%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521");
	}

	@Test
	void authorizationWhenSignedThenTheClocksTimestampARandomNonceAndNoSecretInTheHeader() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(1318622958), ZoneOffset.UTC);
		OAuth1Signer signer = new OAuth1Signer("xvz1evFS4wEEPTGEFPHBog", X_CONSUMER_SECRET, clock);
		URI url = URI.create("https://api.x.com/2/users/me");

		String first = signer.authorization("GET", url, Map.of(), "370773112-token", X_TOKEN_SECRET, Map.of());
		String second = signer.authorization("GET", url, Map.of(), "370773112-token", X_TOKEN_SECRET, Map.of());

		assertThat(first).startsWith("OAuth ").contains("oauth_timestamp=\"1318622958\"", "oauth_token=\"370773112-token\"",
				"oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\"", "oauth_signature_method=\"HMAC-SHA1\"",
				"oauth_version=\"1.0\"", "oauth_signature=\"");
		assertThat(first).doesNotContain(X_CONSUMER_SECRET.reveal(), X_TOKEN_SECRET.reveal());
		assertThat(nonce(first)).hasSize(32).isNotEqualTo(nonce(second));
	}

	@Test
	void authorizationWhenNoTokenYetThenNoOAuthTokenAndTheCallbackIsSigned() {
		OAuth1Signer signer = new OAuth1Signer("xvz1evFS4wEEPTGEFPHBog", X_CONSUMER_SECRET, Clock.systemUTC());

		String header = signer.authorization("POST", URI.create("https://api.x.com/oauth/request_token"), Map.of(), null,
				null, Map.of("oauth_callback", "https://console.example.com/login/oauth1/callback/x"));

		assertThat(header).doesNotContain("oauth_token=")
			.contains("oauth_callback=\"https%3A%2F%2Fconsole.example.com%2Flogin%2Foauth1%2Fcallback%2Fx\"");
	}

	private static String nonce(String header) {
		int start = header.indexOf("oauth_nonce=\"") + "oauth_nonce=\"".length();
		return header.substring(start, header.indexOf('"', start));
	}

}
