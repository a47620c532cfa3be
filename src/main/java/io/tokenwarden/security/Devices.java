package io.tokenwarden.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** A browser's User-Agent in a few words ("Chrome on Windows"), for the sessions page. */
final class Devices {

	/** In the order they must be tried: Edge and Opera say "Chrome" too, Chrome says "Safari". */
	private static final Map<String, String> BROWSERS = new LinkedHashMap<>();

	private static final Map<String, String> SYSTEMS = new LinkedHashMap<>();

	static {
		BROWSERS.put("Edg/", "Edge");
		BROWSERS.put("OPR/", "Opera");
		BROWSERS.put("Firefox/", "Firefox");
		BROWSERS.put("Chrome/", "Chrome");
		BROWSERS.put("Safari/", "Safari");
		BROWSERS.put("curl/", "curl");
		BROWSERS.put("Java-http-client/", "Java HTTP client");
		SYSTEMS.put("Android", "Android");
		SYSTEMS.put("iPhone", "iOS");
		SYSTEMS.put("iPad", "iPadOS");
		SYSTEMS.put("Windows", "Windows");
		SYSTEMS.put("Mac OS X", "macOS");
		SYSTEMS.put("CrOS", "ChromeOS");
		SYSTEMS.put("Linux", "Linux");
	}

	private Devices() {
	}

	static String describe(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "";
		}
		String browser = first(BROWSERS, userAgent);
		String system = first(SYSTEMS, userAgent);
		if (browser == null) {
			return userAgent.length() > 40 ? userAgent.substring(0, 40) + "…" : userAgent;
		}
		return system == null ? browser : browser + " on " + system;
	}

	private static String first(Map<String, String> names, String userAgent) {
		return names.entrySet().stream().filter(e -> userAgent.contains(e.getKey())).map(Map.Entry::getValue)
			.findFirst().orElse(null);
	}

}
