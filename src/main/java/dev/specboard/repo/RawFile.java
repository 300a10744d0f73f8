package dev.specboard.repo;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file's bytes exactly as committed (the file page and the API's {@code content} show decoded text, with line ends
 * made uniform), so an agent can patch against its blob and a person can download a binary file. The version is 0 for a
 * file read at a branch or commit that no manifest holds.
 */
public record RawFile(ManifestEntry entry, int manifestVersion, String commitSha, StreamingOutput body) {

    /**
     * The answer when the caller already has these bytes (304, or 412 for a failed If-Match), or null when it needs the
     * download. The blob's SHA is its ETag, since the same SHA is always the same bytes.
     */
    public Response unchanged(Request request) {
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(new EntityTag(entry.blobSha()));
        return unchanged == null ? null : headers(unchanged);
    }

    /**
     * The download writing {@code bytes} (this file's {@link #body}, or a wrapper of it): always an attachment of unknown
     * type, so a browser never renders committed HTML or SVG on our origin.
     */
    public Response download(StreamingOutput bytes) {
        return headers(Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", disposition(entry.path().substring(entry.path().lastIndexOf('/') + 1))));
    }

    private Response headers(Response.ResponseBuilder answer) {
        answer.tag(new EntityTag(entry.blobSha())).header("X-Content-Type-Options", "nosniff").header("X-Blob-Sha", entry.blobSha())
                .header("X-Commit-Sha", commitSha);
        // Read at a branch or commit that no manifest holds (version 0): there is no version to name.
        return (manifestVersion > 0 ? answer.header("X-Manifest-Version", manifestVersion) : answer).build();
    }

    /** RFC 6266: a plain ASCII name for old clients and the exact name, percent-encoded, for the rest. */
    static String disposition(String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
