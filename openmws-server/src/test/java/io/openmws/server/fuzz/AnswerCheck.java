package io.openmws.server.fuzz;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The verdict on one answer of the MWS API: never a 5xx; an error is a whole, well-formed
 * {@code ErrorResponse} whose every {@code Error} has a {@code Type} (Sender or Receiver), a
 * {@code Code} and a {@code Message}, with a {@code RequestId} (docs/protocol.md, the spec's error
 * envelope); a success is a well-formed {@code ...Response} document with its {@code RequestId}, or a
 * download (a report, a processing report) whose {@code Content-MD5} matches its bytes.
 */
final class AnswerCheck {

    /** What the answer was, for the counts ({@code 400 InvalidParameterValue}, {@code 200}), and what is wrong with it. */
    record Verdict(String outcome, String problem) {}

    private static final Set<String> TYPES = Set.of("Sender", "Receiver");
    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XML.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private AnswerCheck() {}

    /**
     * The verdict on the answer to {@code request}. A request whose path is not the API's by the
     * platform's routing rule (a lower-case first letter, or no letter at all: {@code /../x},
     * {@code /%}) is the portal's: it only must not be a 5xx.
     */
    static Verdict check(FuzzRequest request, RawHttp.Reply reply) {
        int status = reply.status();
        if (!isApi(request)) {
            return new Verdict("not an API path: " + status, status >= 500 ? "HTTP " + status : null);
        }
        String type = reply.header("content-type") == null ? "" : reply.header("content-type");
        if (status == 200 && !type.startsWith("text/xml")) {
            String md5 = reply.header("content-md5");
            String problem = md5 == null ? "a download without Content-MD5 (Content-Type " + type + ")"
                    : md5.equals(md5(reply.body())) ? null : "a download whose Content-MD5 does not match its bytes";
            return new Verdict("200 download", problem);
        }
        Document doc;
        try {
            doc = read(reply.body());
        } catch (XMLStreamException | RuntimeException e) {
            return new Verdict(status + " not-XML", "HTTP " + status + " (" + type + "), body not well-formed XML: "
                    + e.getMessage() + ": " + start(reply));
        }
        String problem = status >= 500 ? "HTTP " + status : null;
        if (status == 200) {
            if (!doc.root.endsWith("Response") || doc.root.equals("ErrorResponse")) {
                problem = "a 200 whose root is <" + doc.root + ">";
            } else if (doc.requestId == null) {
                problem = "a 200 without RequestId";
            }
            return new Verdict("200", problem);
        }
        if (!doc.root.equals("ErrorResponse")) {
            return new Verdict(status + " <" + doc.root + ">", "HTTP " + status + " whose root is <" + doc.root + ">: "
                    + start(reply));
        }
        if (doc.errors.isEmpty()) {
            return new Verdict(status + " no-Error", "an ErrorResponse without Error");
        }
        String code = doc.errors.get(0)[1];
        for (String[] e : doc.errors) {
            if (e[0] == null || !TYPES.contains(e[0])) {
                problem = "an Error whose Type is " + e[0];
            } else if (e[1] == null || e[1].isBlank()) {
                problem = "an Error without Code";
            } else if (e[2] == null) {
                problem = "an Error without Message";
            }
        }
        if (problem == null && doc.requestId == null) {
            problem = "an ErrorResponse without RequestId";
        }
        if (problem == null && status == 200) {
            problem = "an ErrorResponse with status 200";
        }
        return new Verdict(status + " " + code, problem);
    }

    /** The platform's rule (the gateway's MwsRequests) for which requests are the API's. */
    static boolean isApi(FuzzRequest request) {
        String target = request.target();
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        if (path.chars().allMatch(c -> c == '/')) {
            return request.method().equals("POST")
                    || query != null && (query.contains("Action=") || query.contains("AWSAccessKeyId="));
        }
        char first = path.length() > 1 ? path.charAt(1) : '/';
        return first >= 'A' && first <= 'Z';
    }

    private record Document(String root, String requestId, List<String[]> errors) {}

    /** Reads the whole document (a trailing fragment or second root fails it), noting what the check needs. */
    private static Document read(byte[] body) throws XMLStreamException {
        XMLStreamReader r = XML.createXMLStreamReader(new ByteArrayInputStream(body));
        String root = null;
        String requestId = null;
        List<String[]> errors = new ArrayList<>();
        String[] error = null;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (root == null) {
                    root = r.getLocalName();
                }
                if (r.getLocalName().equals("Error")) {
                    error = new String[3];
                }
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = r.getLocalName();
                String value = text.toString().strip();
                switch (name) {
                    case "Error" -> {
                        errors.add(error);
                        error = null;
                    }
                    case "Type" -> set(error, 0, value);
                    case "Code" -> set(error, 1, value);
                    case "Message" -> set(error, 2, value);
                    case "RequestId", "RequestID" -> requestId = value.isEmpty() ? null : value;
                    default -> { }
                }
                text.setLength(0);
            }
        }
        r.close();
        if (root == null) {
            throw new XMLStreamException("no element");
        }
        return new Document(root, requestId, errors);
    }

    private static void set(String[] error, int at, String value) {
        if (error != null) {
            error[at] = value;
        }
    }

    private static String start(RawHttp.Reply reply) {
        String text = reply.text();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static String md5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
