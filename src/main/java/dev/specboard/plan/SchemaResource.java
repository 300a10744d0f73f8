package dev.specboard.plan;

import dev.specboard.web.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Serves the artifact schemas (no data in them, so no login) for agents that write plan artifacts. */
@Path("/schemas/plan")
public class SchemaResource {

    @Inject
    ArtifactSchemas schemas;

    @GET
    @Path("{type}.schema.json")
    public Response schema(@PathParam("type") String type) {
        ArtifactType t = ArtifactType.parse(type).orElseThrow(() -> ApiException.notFound("No schema for " + type));
        return Response.ok(schemas.text(t), "application/schema+json").header("Cache-Control", "public, max-age=3600").build();
    }
}
