package io.tokenwarden.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 GET written by hand, for the headers an HTTP client will not send as given ({@code Host}):
 * the answer's status and headers (names in lower case).
 */
public final class RawHttp {

	/** The status code and the headers of an answer. */
	public record Answer(int status, Map<String, String> headers) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private RawHttp() {
	}

	/** GETs {@code path} from 127.0.0.1:{@code port} with the given header lines ({@code "Host: evil.test"}). */
	public static Answer get(int port, String path, String... headerLines) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
			for (String line : headerLines) {
				request.append(line).append("\r\n");
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return parse(headOf(socket.getInputStream()));
		}
	}

	private static String headOf(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int b;
		// up to the blank line that ends the headers
		while (matched < 4 && (b = in.read()) != -1) {
			head.write(b);
			matched = (b == '\r' || b == '\n') && (matched % 2 == 0) == (b == '\r') ? matched + 1 : (b == '\r' ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private static Answer parse(String head) {
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		return new Answer(status, headers);
	}

}
