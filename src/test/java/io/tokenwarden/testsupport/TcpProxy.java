package io.tokenwarden.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of a server (the embedded PostgreSQL), which a test can cut (every
 * connection reset, new ones refused, as a stopped database does) and restore on the same port.
 */
public final class TcpProxy implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile ServerSocket listener;

	public TcpProxy(int targetPort) {
		this.targetPort = targetPort;
		this.port = listen(0);
	}

	public int port() {
		return this.port;
	}

	/** Resets every connection and refuses new ones. */
	public synchronized void cut() {
		closeQuietly(this.listener);
		this.listener = null;
		this.open.forEach(TcpProxy::closeQuietly);
		this.open.clear();
	}

	/** Accepts connections again, on the same port. */
	public synchronized void restore() {
		if (this.listener == null) {
			listen(this.port);
		}
	}

	@Override
	public void close() {
		cut();
	}

	private int listen(int on) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
			this.listener = server;
			Thread acceptor = new Thread(() -> accept(server), "tcp-proxy-accept-" + server.getLocalPort());
			acceptor.setDaemon(true);
			acceptor.start();
			return server.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.open.add(client);
				this.open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// the listener was closed by cut(), or the target refused: that client sees a reset
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// cut, or one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "tcp-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
