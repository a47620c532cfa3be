package io.tokenwarden.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.util.TestSocketUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A JUnit extension: GreenMail on a random loopback port that stays the same for the whole test
 * JVM (the cached application context points at it), which a test can stop, start again, or
 * replace with a server that refuses every recipient with a given SMTP reply.
 */
public class TestSmtp implements BeforeEachCallback, AfterAllCallback {

	private static final TestSmtp SHARED = new TestSmtp();

	private final int port = TestSocketUtils.findAvailableTcpPort();

	private GreenMail greenMail;

	private Refuser refuser;

	/** The one instance the shared test contexts send to (their {@code spring.mail.port}). */
	public static TestSmtp shared() {
		return SHARED;
	}

	public int port() {
		return this.port;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/** GreenMail listens (again); a no-op when it already does. */
	public synchronized void start() {
		stopRefuser();
		if (this.greenMail == null) {
			ServerSetup setup = new ServerSetup(this.port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
			// GreenMail's default of 2 s is too short on a loaded 2-core CI machine
			setup.setServerStartupTimeout(20_000);
			this.greenMail = new GreenMail(setup);
			this.greenMail.start();
		}
	}

	/** Nothing listens on the port: connections are refused. */
	public synchronized void stop() {
		stopRefuser();
		if (this.greenMail != null) {
			this.greenMail.stop();
			this.greenMail = null;
		}
	}

	/** A server that answers every RCPT TO with {@code reply}, e.g. "550 5.1.1 mailbox unavailable". */
	public synchronized void refuseRecipientsWith(String reply) {
		stop();
		this.refuser = new Refuser(this.port, reply);
	}

	/** Messages GreenMail received for the address (case-insensitive). */
	public List<MimeMessage> messagesTo(String address) {
		MimeMessage[] all = this.greenMail == null ? new MimeMessage[0] : this.greenMail.getReceivedMessages();
		return Arrays.stream(all).filter(m -> isFor(m, address)).toList();
	}

	private static boolean isFor(MimeMessage message, String address) {
		try {
			Address[] recipients = message.getAllRecipients();
			return recipients != null && Arrays.stream(recipients)
				.anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void stopRefuser() {
		if (this.refuser != null) {
			this.refuser.close();
			this.refuser = null;
		}
	}


	/** Just enough SMTP to refuse: greets, accepts HELO/EHLO and MAIL, refuses RCPT. */
	private static final class Refuser implements AutoCloseable {

		private final ServerSocket server;

		private final Thread thread;

		/** The connection being answered: closed with the server, so that the port is free for GreenMail at once. */
		private volatile Socket current;

		Refuser(int port, String reply) {
			try {
				this.server = new ServerSocket();
				this.server.setReuseAddress(true);
				this.server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.thread = new Thread(() -> serve(reply), "test-smtp-refuser");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		private void serve(String reply) {
			while (!this.server.isClosed()) {
				try (Socket socket = this.server.accept()) {
					this.current = socket;
					converse(socket, reply);
				}
				catch (IOException ex) {
					// closed by the test, or the client hung up: wait for the next connection
				}
			}
		}

		private static void converse(Socket socket, String reply) throws IOException {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			write(out, "220 refuser ESMTP");
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
				switch (command) {
					case "RCPT" -> write(out, reply);
					case "DATA" -> write(out, "554 5.5.1 no valid recipients");
					case "QUIT" -> {
						write(out, "221 bye");
						return;
					}
					default -> write(out, "250 OK");
				}
			}
		}

		private static void write(OutputStream out, String line) throws IOException {
			out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		@Override
		public void close() {
			try {
				this.server.close();
				Socket socket = this.current;
				if (socket != null) {
					socket.close();
				}
				this.thread.join(5_000);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while the refusing SMTP server stopped", ex);
			}
		}

	}

}
