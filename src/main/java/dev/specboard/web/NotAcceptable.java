package dev.specboard.web;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.Set;

/**
 * What a 406 says: the types the address can send and what the Accept header asked for. The framework's words ("The
 * accept header value did not match the value in @Produces") named an annotation of ours, not what to ask for.
 */
final class NotAcceptable {

    private static final String EVENT_STREAM = "text/event-stream";

    private NotAcceptable() {
    }

    static String message(String method, String path, HttpHeaders headers) {
        Set<String> produced = AllowedMethods.produces(method, path);
        if (produced.equals(Set.of(EVENT_STREAM)) || produced.isEmpty() && path.endsWith("/events")) {
            // The live streams send only server-sent events.
            return "This address sends text/event-stream; ask with Accept: text/event-stream.";
        }
        String accept = String.join(", ", headers.getRequestHeader(HttpHeaders.ACCEPT) == null ? java.util.List.of()
                : headers.getRequestHeader(HttpHeaders.ACCEPT));
        String asked = accept.isBlank() ? "" : " the Accept header asks for " + InputGuard.printable(accept.strip()) + ".";
        if (produced.isEmpty()) {
            return "This address cannot answer in the type the Accept header asks for;" + (asked.isEmpty() ? " leave the header out." : asked);
        }
        return "This address answers " + String.join(" or ", produced) + ";" + (asked.isEmpty() ? " ask for that in the Accept header." : asked);
    }
}
