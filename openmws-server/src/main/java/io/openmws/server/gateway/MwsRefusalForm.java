package io.openmws.server.gateway;

import io.openmws.protocol.ApiSection;
import io.openmws.protocol.error.ErrorResponse;
import io.openmws.protocol.error.ErrorResponseWriter;
import io.openmws.protocol.error.MwsError;
import io.openmws.protocol.ids.IdGenerator;
import io.openmws.server.support.RefusalForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An MWS request refused before the gateway saw it (by Tomcat, or by the container after a
 * {@code TRACE} or a path the firewall rejects) is answered in the {@code ErrorResponse} envelope all
 * the same, never with an HTML or JSON page: an MWS client can read nothing else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MwsRefusalForm implements RefusalForm {

    private final IdGenerator ids = new IdGenerator();

    /**
     * MWS requests, and a request whose request line Tomcat could not read to its end (past the header
     * size limit, so no path): MWS answers an overlong request line in its own form (docs/protocol.md,
     * "Sizes"), and a browser on the portal never sends one.
     */
    @Override
    public boolean owns(String path, String method, String query) {
        return path == null || MwsRequests.isMws(path, method, query);
    }

    @Override
    public Answer answer(int status, String path) {
        MwsError error = MwsGateway.containerError(status, path);
        String requestId = ids.requestId().value();
        List<ApiSection> sections = ApiSection.servedAt(path);
        String namespace = sections.isEmpty() ? ApiSection.UNKNOWN_PATH_NAMESPACE : sections.get(0).namespace();
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        try {
            ErrorResponseWriter.write(ErrorResponse.of(namespace, requestId, List.of(error)), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(error.httpStatus(), "text/xml", Map.of("x-mws-request-id", requestId),
                body.toString(StandardCharsets.UTF_8));
    }
}
