package io.chamber.sse.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection on a plain socket, for what no HTTP client sends: pipelined requests, malformed bytes,
 * half requests. Collects everything the server sent, as ISO-8859-1 text.
 */
final class RawConnection implements AutoCloseable {

    static final String STREAM_1H = "GET /streaming/sse?interval=1h HTTP/1.1\r\nHost: localhost\r\n\r\n";

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    RawConnection(int port) {
        try {
            socket = new Socket("localhost", port);
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RawConnection send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawConnection send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Reads until what was received so far contains {@code text}; fails after the socket's read timeout. */
    RawConnection readUntil(String text) {
        try {
            byte[] buffer = new byte[8192];
            while (!received().contains(text)) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new AssertionError("the server closed the connection before sending '" + text.strip()
                            + "'; it sent: " + received());
                }
                received.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Reads until the server closes the connection; true when it did within {@code timeout}, false when the
     * connection was still open then.
     */
    boolean readUntilClosed(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0;) {
                received.write(buffer, 0, read);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset by the server: closed as well
        }
    }

    String received() {
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** Closes the connection with a TCP reset instead of a FIN. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
