package io.openmws.server.gateway;

import io.openmws.protocol.Text;
import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseWriter;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.error.MwsErrorCode;
import io.openmws.protocol.ids.IdGenerator;
import io.openmws.protocol.throttle.QuotaHeaders;
import io.openmws.protocol.time.Timestamps;
import io.openmws.protocol.xml.MwsXmlWriter;
import io.openmws.server.support.PlatformClock;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The path of one MWS call (ARCHITECTURE.md): admit it through the stages of {@link CallAdmission}
 * (read the request, the caller, the seller's grant, the throttle), dispatch to the operation, and
 * answer in XML, with every failure turned into the {@code ErrorResponse} envelope of its section and
 * every call, refused or not, recorded in the {@link CallLog}. Nothing a client sends, however
 * malformed, gets a 500 or an HTML page.
 */
@Component
class MwsGateway {

    private static final Logger log = LoggerFactory.getLogger(MwsGateway.class);
    private static final String DEFERRED_ERROR = MwsGateway.class.getName() + ".deferredError";
    private static final String ABORTED = MwsGateway.class.getName() + ".aborted";
    private static final int RAW_BUFFER = 64 * 1024;

    private final CallAdmission admission;
    private final PlatformClock clock;
    private final CallLog callLog;
    private final IdGenerator ids = new IdGenerator();

    MwsGateway(CallAdmission admission, PlatformClock clock, CallLog callLog) {
        this.admission = admission;
        this.clock = clock;
        this.callLog = callLog;
    }

    void handle(HttpServletRequest request, HttpServletResponse response) {
        long started = System.nanoTime();
        CallTrace trace = new CallTrace();
        String requestId = ids.requestId().value();
        try {
            handle(request, response, requestId, trace);
        } catch (IOException e) {
            // The client went away while the answer was being written: there is no one left to tell.
            log.debug("MWS call {} {}: the answer could not be sent: {}", request.getMethod(),
                    Text.abbreviate(request.getRequestURI(), 103), e.toString());
        } finally {
            callLog.record(new CallLog.Entry(requestId, clock.instant(), trace.developerId,
                    trace.sellerId, trace.section, trace.action, response.getStatus(), trace.errorCode,
                    trace.userAgent, (System.nanoTime() - started) / 1_000));
        }
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, String requestId, CallTrace trace)
            throws IOException {
        String path = request.getRequestURI();
        List<ApiSection> sections = ApiSection.servedAt(path);
        String namespace = sections.isEmpty() ? ApiSection.UNKNOWN_PATH_NAMESPACE : sections.get(0).namespace();
        Optional<Throttles.Quota> quota = Optional.empty();
        RequestBody body = null;
        // Characters first, then UTF-8 in one go: an encoder and its buffers per call cost more than the answer.
        StringWriter answer = new StringWriter(2048);
        RawAnswer raw = null;
        InputStream rawBody = null;
        try {
            body = new RequestBody(request.getInputStream());
            CallAdmission.Addressed addressed = admission.read(request, sections, body, trace);
            ApiSection section = addressed.section();
            String action = addressed.operation().action();
            namespace = section.namespaceFor(action);
            CallAdmission.Caller caller = admission.caller(request, addressed, trace);
            String sellerId = admission.seller(addressed, caller, trace);
            Optional<Throttles.Verdict> throttle = admission.throttle(addressed, caller, sellerId);
            quota = throttle.flatMap(Throttles.Verdict::quota);
            if (throttle.flatMap(Throttles.Verdict::refusal).isPresent()) {
                throw new MwsException(throttle.get().refusal().get());
            }
            boolean self = sellerId != null && sellerId.equals(caller.key().ownSellerId());
            InputStream feed = CallAdmission.SUBMIT_FEED.equals(action) ? body : InputStream.nullInputStream();
            MwsCall call = new MwsCall(section, action, requestId, addressed.parameters(), caller.developerId(),
                    sellerId, self, caller.userAgent(), clock.instant(), feed, request::getHeader);
            if (addressed.operation() instanceof RawMwsOperation download) {
                raw = download.answer(call);
                rawBody = raw.body().open();
            } else {
                try (MwsXmlWriter xml = MwsXmlWriter.open(answer)) {
                    xml.startResponse(section, action);
                    addressed.operation().writeResult(call, xml);
                    xml.endResponse(requestId);
                }
            }
        } catch (MwsException e) {
            closeQuietly(rawBody);
            trace.errorCode = e.error().code();
            writeError(request, response, new Refusal(namespace, requestId, quota, e.error()));
            return;
        } catch (IOException | RuntimeException e) {
            closeQuietly(rawBody);
            MwsError error;
            if (body != null && body.failed()) {
                // A broken chunk, a body shorter than its Content-Length, a client that hung up mid-body:
                // the client's fault, whatever the operation wrapped it in.
                log.debug("MWS call {} {}: the request body could not be read (request {}): {}", request.getMethod(),
                        Text.abbreviate(path, 103), requestId, body.failure());
                error = MwsError.of(MwsErrorCode.INPUT_STREAM_DISCONNECTED);
            } else {
                log.error("MWS call {} {} failed (request {})", request.getMethod(), Text.abbreviate(path, 103), requestId, e);
                error = MwsError.of(MwsErrorCode.INTERNAL_ERROR);
            }
            trace.errorCode = error.code();
            writeError(request, response, new Refusal(namespace, requestId, quota, error));
            return;
        }
        writeHeaders(response, requestId, quota);
        response.setStatus(HttpServletResponse.SC_OK);
        if (raw != null) {
            try {
                sendRaw(request, response, requestId, raw, rawBody);
            } catch (RawAnswerAborted e) {
                if (response.isCommitted()) {
                    throw e;
                }
                // Nothing has reached the client yet: it still gets an error envelope.
                request.removeAttribute(ABORTED);
                MwsError error = MwsError.of(MwsErrorCode.INTERNAL_ERROR);
                trace.errorCode = error.code();
                writeError(request, response, new Refusal(namespace, requestId, quota, error));
            }
            return;
        }
        byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * Sends a download in constant memory. Once the first byte is out the status cannot change: a
     * failure to read the stored bytes is logged and the connection is aborted (the client sees a body
     * shorter than its Content-Length), never completed as if whole.
     */
    private void sendRaw(HttpServletRequest request, HttpServletResponse response, String requestId, RawAnswer raw,
                         InputStream body) throws IOException {
        response.setContentType(raw.contentType());
        response.setContentLengthLong(raw.length());
        response.setHeader("Content-MD5", raw.md5Base64());
        // The official PHP client takes the request id of a download from x-amz-request-id (docs/protocol.md §3.4).
        response.setHeader("x-amz-request-id", requestId);
        OutputStream out = response.getOutputStream();
        byte[] buffer = new byte[RAW_BUFFER];
        long sent = 0;
        try (InputStream in = body) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException | RuntimeException e) {
                    throw abort(request, requestId, sent, e);
                }
                if (n < 0) {
                    break;
                }
                if (sent + n > raw.length()) {
                    throw abort(request, requestId, sent,
                            new IOException("the stored body is longer than its recorded length " + raw.length()));
                }
                out.write(buffer, 0, n);
                sent += n;
            }
        }
        if (sent != raw.length()) {
            throw abort(request, requestId, sent,
                    new IOException("the stored body is shorter than its recorded length " + raw.length()));
        }
        out.flush();
    }

    private static RawAnswerAborted abort(HttpServletRequest request, String requestId, long sent, Exception cause) {
        log.error("MWS download aborted after {} bytes (request {})", sent, requestId, cause);
        request.setAttribute(ABORTED, Boolean.TRUE);
        return new RawAnswerAborted(requestId, cause);
    }

    /** A download that failed after its first byte: escapes the filter, so the container drops the connection. */
    static final class RawAnswerAborted extends RuntimeException {
        RawAnswerAborted(String requestId, Exception cause) {
            super("MWS download aborted (request " + requestId + ")", cause);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                log.debug("Could not close a download's body: {}", e.toString());
            }
        }
    }

    private void writeHeaders(HttpServletResponse response, String requestId, Optional<Throttles.Quota> quota) {
        response.setHeader("x-mws-request-id", requestId);
        response.setHeader("x-mws-timestamp", Timestamps.format(clock.realTime().instant()));
        response.setContentType("text/xml");
        quota.ifPresent(q -> {
            response.setHeader(QuotaHeaders.MAX, QuotaHeaders.formatCount(q.max()));
            response.setHeader(QuotaHeaders.REMAINING, QuotaHeaders.formatCount(q.remaining()));
            response.setHeader(QuotaHeaders.RESETS_ON, Timestamps.format(q.resetsOn()));
        });
    }

    /** An error answer not yet written: what {@link #writeError} and {@link #writeDeferredError} need. */
    private record Refusal(String namespace, String requestId, Optional<Throttles.Quota> quota, MwsError error) {}

    private void writeError(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        if (response.isCommitted()) {
            // The container gave up on the request (a body it could not read) and will send an error page
            // of its own; MwsGatewayFilter takes that error dispatch and writes this envelope instead.
            request.setAttribute(DEFERRED_ERROR, refusal);
            return;
        }
        response.reset();
        writeHeaders(response, refusal.requestId(), refusal.quota());
        if (!CallAdmission.ALLOWED_METHODS.contains(request.getMethod())) {
            response.setHeader("Allow", String.join(", ", CallAdmission.ALLOWED_METHODS));
        }
        response.setStatus(refusal.error().httpStatus());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
        ErrorResponseWriter.write(ErrorResponse.of(refusal.namespace(), refusal.requestId(), List.of(refusal.error())),
                buffer);
        response.setContentLength(buffer.size());
        try (OutputStream out = response.getOutputStream()) {
            buffer.writeTo(out);
        }
    }

    /** The MWS error for a status the container chose: 404 is an unknown address, any other refusal an invalid request. */
    static MwsError containerError(int status, String path) {
        if (status == HttpServletResponse.SC_NOT_FOUND) {
            return MwsError.invalidAddress(Text.abbreviate(path, 103));
        }
        if (status >= 500) {
            return MwsError.of(MwsErrorCode.INTERNAL_ERROR);
        }
        return MwsError.of(MwsErrorCode.INVALID_REQUEST, status == HttpServletResponse.SC_METHOD_NOT_ALLOWED
                ? "MWS serves GET and POST only." : "The request could not be read as an HTTP request MWS accepts.");
    }

    /**
     * Writes, in the container's error dispatch, the envelope of an MWS call whose response the
     * container had already taken over.
     *
     * @return whether there was such an error to write
     */
    boolean writeDeferredError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getAttribute(ABORTED) != null) {
            // A download that broke off: the container closes the connection; nothing more is written.
            return true;
        }
        if (!(request.getAttribute(DEFERRED_ERROR) instanceof Refusal refusal)) {
            return false;
        }
        request.removeAttribute(DEFERRED_ERROR);
        if (response.isCommitted()) {
            log.warn("MWS error {} after the response was committed (request {})", refusal.error().code(),
                    refusal.requestId());
            return true;
        }
        writeError(request, response, refusal);
        return true;
    }
}
