package dev.specboard.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Test-only: a page that sends its own sandbox policy, as the user mockups will. */
@Path("/test-only/sandboxed")
public class SandboxedTestResource {

    static final String SANDBOX = "sandbox allow-scripts; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response mockup() {
        return Response.ok("<!DOCTYPE html><p style=\"color: red\">mockup</p>")
                .header("Content-Security-Policy", SANDBOX).header("Cache-Control", "private, max-age=60").build();
    }
}
