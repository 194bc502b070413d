package io.openmws.server.gateway;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of an MWS request, remembering whether reading it failed. A broken chunk, a body shorter
 * than its {@code Content-Length} or a client that hangs up mid-upload is the client's failure and
 * answers {@code InputStreamDisconnected}, however the code that was reading wrapped the exception.
 */
final class RequestBody extends FilterInputStream {

    private volatile IOException failure;

    RequestBody(InputStream in) {
        super(in);
    }

    boolean failed() {
        return failure != null;
    }

    /** What went wrong, for the log: the exception's text only, never the body's content. */
    String failure() {
        return failure == null ? "" : failure.toString();
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
