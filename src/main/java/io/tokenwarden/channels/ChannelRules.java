package io.tokenwarden.channels;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a channel's address may be. HTTPS only outside the demo (the demo also takes plain http, for a
 * receiver on this machine); a Slack channel posts to {@code hooks.slack.com} only; outside the demo no
 * address on this machine or a private network, so a channel cannot be made to poke at the inside.
 * An error never repeats the address: it is a secret.
 */
@Component
class ChannelRules {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]");

	private static final Pattern IPV4 = Pattern.compile("[0-9.]+");

	static final int MAX_NAME = 100;

	static final int MAX_URL = 2000;

	private final boolean demo;

	ChannelRules(@Value("${tokenwarden.demo.enabled:false}") boolean demo) {
		this.demo = demo;
	}

	/** The channel as it is stored, or why it cannot be: a {@code channels.error.*} message key. */
	Checked check(NewChannel channel) {
		String name = channel.name() == null ? "" : channel.name().strip();
		if (name.isEmpty() || name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
			return Checked.refused("channels.error.name");
		}
		if (channel.kind() == null) {
			return Checked.refused("channels.error.kind");
		}
		if (channel.events() == null || channel.events().isEmpty()) {
			return Checked.refused("channels.error.events");
		}
		String url = channel.url() == null ? "" : channel.url().strip();
		String refusal = refusal(channel.kind(), url);
		if (refusal != null) {
			return Checked.refused(refusal);
		}
		return new Checked(new NewChannel(channel.kind(), name, url, channel.events()), null);
	}

	private String refusal(ChannelKind kind, String url) {
		URI uri;
		try {
			if (url.isEmpty() || url.length() > MAX_URL || CONTROL.matcher(url).find() || url.contains(" ")) {
				return "channels.error.url";
			}
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "channels.error.url";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
		if (!uri.isAbsolute() || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null
				|| !(scheme.equals("https") || scheme.equals("http"))) {
			return "channels.error.url";
		}
		if (scheme.equals("http") && !this.demo) {
			return "channels.error.url.https";
		}
		if (kind == ChannelKind.SLACK && (!host.equals("hooks.slack.com") || !scheme.equals("https")
				|| uri.getPort() != -1 || uri.getRawPath() == null || !uri.getRawPath().startsWith("/services/"))) {
			return "channels.error.url.slack";
		}
		if (!this.demo && inside(host)) {
			return "channels.error.url.local";
		}
		return null;
	}

	/** This machine or a private network, judged on the name as written (no DNS lookup). */
	private static boolean inside(String host) {
		if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
				|| host.endsWith(".internal")) {
			return true;
		}
		if (!IPV4.matcher(host).matches() && !host.startsWith("[")) {
			return false;
		}
		try {
			InetAddress address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
			byte[] bytes = address.getAddress();
			boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
			return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
					|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocalV6;
		}
		catch (UnknownHostException ex) {
			return true;
		}
	}

	/** What the page shows of an address: its host and its last four characters. */
	static String hint(String url) {
		String host = URI.create(url).getHost();
		String tail = url.length() <= 4 ? url : url.substring(url.length() - 4);
		return host + "/…" + tail;
	}

	/** SHA-256 of the address: the same address twice is seen, and the hash cannot be turned back into it. */
	static String fingerprint(String url) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	/** A channel that passed the rules ({@code refusal} null), or the message key that says why not. */
	record Checked(NewChannel channel, String refusal) {

		static Checked refused(String key) {
			return new Checked(null, key);
		}

	}

}
