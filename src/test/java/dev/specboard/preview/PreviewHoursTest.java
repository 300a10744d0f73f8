package dev.specboard.preview;

import dev.specboard.spec.SpecApiFixtures;
import dev.specboard.support.Mcp;
import dev.specboard.support.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview lives a whole number of hours on every door: the API and the tool took 1.5 as 1 (Jackson cut it) where the
 * form refuses it, and a number too large for the field was a 400 that did not name it.
 */
@QuarkusTest
class PreviewHoursTest {

    @Inject
    TestData data;

    @Inject
    SpecApiFixtures fx;

    @Test
    void hoursThatAreNotAWholeNumberOrTooLargeAreRefusedNamingTheField() {
        TestData.Team t = data.team();
        PreviewLifecycleTest.page(t, "Home", "/home", "<h1>Hi</h1>", "");
        String url = "/api/v1/projects/" + t.slug() + "/previews";

        fx.api(t.lead()).contentType("application/json").body("{\"hours\":1.5}").post(url).then().statusCode(400)
                .body("details.hours", equalTo("must be a whole number"));
        // A number past Java's int range is the field's problem (422), answered with the field's own range, not Java's:
        // the configured limit (the tests set one other than the default 720 a fixed @Max named), as for a value too large.
        int max = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("specboard.previews.max-hours", Integer.class);
        assertTrue(max != 720, "the tests configure a limit other than the default");
        for (String hours : java.util.List.of("99999999999", "1e400", "-1e400")) {
            fx.api(t.lead()).contentType("application/json").body("{\"hours\":" + hours + "}").post(url).then().statusCode(422)
                    .body("error", equalTo("The field hours must be a whole number from 1 to " + max))
                    .body("details.hours", equalTo("must be a whole number from 1 to " + max));
        }
        fx.api(t.lead()).contentType("application/json").body("{\"hours\":" + (max + 1) + "}").post(url).then().statusCode(422)
                .body("details.hours", org.hamcrest.Matchers.containsString(String.valueOf(max)));
        String lead = fx.token(t.lead());
        String session = Mcp.initialize(lead);
        Mcp.answer(lead, session, "create_preview", true, "project", t.slug(), "hours", 1.5);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> PreviewSession.count("projectId", t.project().id)), "no preview was made");

        fx.api(t.lead()).contentType("application/json").body("{\"hours\":2.0}").post(url).then().statusCode(201);
        assertTrue(Mcp.answer(lead, session, "create_preview", false, "project", t.slug(), "hours", 3).contains("READY"));
    }
}
