package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseWriter;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.ids.IdGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error page for requests it refuses before any filter runs (a {@code Host} header it cannot
 * read, characters a request line may not hold, an encoded NUL or a {@code ..} above the root in the
 * path, headers past the size limit): for an MWS request, the {@code ErrorResponse} envelope instead of
 * Tomcat's HTML page, as {@link MwsGateway} answers every other refusal. Portal requests get Tomcat's
 * page as before, without report or server version.
 */
public class MwsErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(MwsErrorReportValve.class);
    private final IdGenerator ids = new IdGenerator();

    public MwsErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        org.apache.coyote.Request received = request.getCoyoteRequest();
        String path = received.requestURI().isNull() ? null : received.requestURI().toString();
        String query = received.queryString().isNull() ? null : received.queryString().toString();
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0
                || !MwsRequests.isMws(path, received.method().toString(), query)) {
            super.report(request, response, throwable);
            return;
        }
        if (!response.setErrorReported()) {
            return;
        }
        MwsError error = MwsGateway.containerError(status, path == null ? "" : path);
        String requestId = ids.requestId().value();
        List<ApiSection> sections = path == null ? List.of() : ApiSection.servedAt(path);
        String namespace = sections.isEmpty() ? ApiSection.UNKNOWN_PATH_NAMESPACE : sections.get(0).namespace();
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        try {
            ErrorResponseWriter.write(ErrorResponse.of(namespace, requestId, List.of(error)), body);
            response.setStatus(error.httpStatus());
            response.setHeader("x-mws-request-id", requestId);
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body.toString(StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("The MWS error for a request the container refused ({}) could not be sent: {}", status, e.toString());
        }
    }
}
