package io.openmws.protocol.error;

import io.openmws.protocol.xml.MwsXmlWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Writes an {@link ErrorResponse} as MWS did, with the project's one XML writer:
 *
 * <pre>{@code
 * <?xml version="1.0"?>
 * <ErrorResponse xmlns="..."><Error><Type>Sender</Type><Code>AccessDenied</Code>
 * <Message>Access denied</Message></Error><RequestID>...</RequestID></ErrorResponse>
 * }</pre>
 * (without the line break inside, which is only for this page).
 *
 * <p>The request id element is always spelled {@code RequestID}: real MWS used that spelling for
 * the errors this platform's gateway produces (InvalidAddress, RequestExpired, AccessDenied,
 * throttling) and {@code RequestId} only for some Feeds/Reports validation errors; the clients that
 * read the element accept both, so one spelling everywhere is safe and predictable.
 *
 * <p>{@code Detail} is written only when the error has one. An error received without a type is
 * written with an empty {@code <Type></Type>}, as it arrived; errors made from the catalog always
 * have one.
 */
public final class ErrorResponseWriter {

    /** The element name of the request id in error documents. */
    public static final String REQUEST_ID_ELEMENT = "RequestID";

    private ErrorResponseWriter() {
    }

    /**
     * Writes {@code response} as UTF-8 to {@code out}, and flushes. {@code out} stays open.
     *
     * @param response the document to write; it must have a request id
     * @param out where to write
     * @throws IOException on an I/O failure
     */
    public static void write(ErrorResponse response, OutputStream out) throws IOException {
        try (MwsXmlWriter xml = MwsXmlWriter.open(out)) {
            write(response, xml);
        }
    }

    /**
     * Writes {@code response} to {@code out} (to be encoded as UTF-8), and flushes. {@code out} stays
     * open.
     *
     * @param response the document to write; it must have a request id
     * @param out where to write
     * @throws IOException on an I/O failure
     */
    public static void write(ErrorResponse response, Writer out) throws IOException {
        try (MwsXmlWriter xml = MwsXmlWriter.open(out)) {
            write(response, xml);
        }
    }

    private static void write(ErrorResponse response, MwsXmlWriter xml) throws IOException {
        String requestId = response.requestId().orElseThrow(() -> new IllegalArgumentException(
                "An ErrorResponse to send needs a request id; use the one sent as x-mws-request-id."));
        xml.startRoot("ErrorResponse", response.namespace());
        for (MwsError error : response.errors()) {
            xml.start("Error");
            xml.element("Type", error.type().map(ErrorType::wireName).orElse(""));
            xml.element("Code", error.code());
            xml.element("Message", error.message());
            xml.element("Detail", error.detail().orElse(null));
            xml.end();
        }
        xml.element(REQUEST_ID_ELEMENT, requestId);
        xml.end();
    }
}
