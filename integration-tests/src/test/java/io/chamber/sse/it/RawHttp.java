package io.chamber.sse.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A TCP connection that speaks HTTP/1.1 by hand, to send what no HTTP client library would (half requests,
 * malformed pipelining, raw bytes in headers) and to leave as rudely as a client can (a reset: SO_LINGER 0).
 */
final class RawHttp implements AutoCloseable {

    /** A response's status line and header block as received, and its headers by lower-case name. */
    record Head(int status, String raw, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawHttp open(int port) {
        return open(port, 0);
    }

    /** @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's default */
    static RawHttp open(int port, int receiveBuffer) {
        try {
            Socket socket = new Socket();
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to port " + port, e);
        }
    }

    /** A GET with a Host header and nothing else. */
    static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    RawHttp send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a response's status line and headers, waiting up to {@code timeout} for each byte. */
    Head head(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + raw.size() + " bytes of the head: " + raw);
            }
            raw.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (raw.size() > 65_536) {
                throw new IOException("a head of more than 64 KB");
            }
        }
        String text = raw.toString(StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Head(Integer.parseInt(lines[0].split(" ")[1]), text, headers);
    }

    /**
     * The body after {@code head}, de-chunked: all of it when it has an end, else what arrives until {@code maxBytes}
     * or until {@code enough} is in it, or until nothing came for {@code quiet}.
     */
    byte[] body(Head head, int maxBytes, String enough, Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean chunked = "chunked".equalsIgnoreCase(head.header("transfer-encoding"));
        String length = head.header("content-length");
        try {
            if (!chunked) {
                long remaining = length == null ? Long.MAX_VALUE : Long.parseLong(length);
                while (remaining > 0 && body.size() < maxBytes) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    body.write(b);
                    remaining--;
                }
                return body.toByteArray();
            }
            while (body.size() < maxBytes) {
                String size = line();
                int chunk = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (chunk == 0) {
                    break;
                }
                body.write(in.readNBytes(chunk));
                line();
                if (enough != null && body.toString(StandardCharsets.ISO_8859_1).contains(enough)) {
                    break;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // what arrived is the answer
        }
        return body.toByteArray();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        if (b < 0) {
            throw new SocketException("closed");
        }
        return line.toString();
    }

    /** Whether the server closed the connection (reads until end of stream or {@code timeout}). */
    boolean closedByServer(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        byte[] buffer = new byte[8192];
        try {
            while (in.read(buffer) >= 0) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }

    /** Leaves with a TCP reset. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // gone either way
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone either way
        }
    }
}
