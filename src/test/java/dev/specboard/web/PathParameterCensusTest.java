package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.support.Routes;
import dev.specboard.support.Routes.Route;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every GET route (found by scanning the compiled classes) with malformed values in each path parameter other
 * than the project's slug: a number too large for any column, an id that is not a UUID, a very long value, an encoded
 * slash. Each is refused or not found, never a 5xx.
 */
@QuarkusTest
class PathParameterCensusTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void malformedPathValuesNeverGiveA5xx() {
        TestData.Team team = data.team();
        String token = tokens.create(team.owner().id, "path census", null, null).value();
        String login = Web.sessionCookie(team.owner());
        List<String> failures = new ArrayList<>();
        for (Route route : Routes.all()) {
            if (!route.method().equals("GET") || route.eventStream()) {
                continue;
            }
            Matcher params = Routes.PARAM.matcher(route.template());
            while (params.find()) {
                String name = params.group(1);
                if (name.equals("slug")) {
                    continue;
                }
                for (String value : List.of("99999999999999999999", "-1", "not-a-uuid", "x".repeat(3_000), "a%2Fb", "%C3%28")) {
                    String filled = Routes.fill(new Route(route.method(), route.template().replace(params.group(), "@@"), route.consumes(),
                            route.javaMethod()), team.slug()).replace("@@", value);
                    RequestSpecification spec = route.api()
                            ? RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token)
                            : Web.as(login);
                    Response r = spec.urlEncodingEnabled(false).config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 10_000))).get(filled);
                    if (r.statusCode() >= 500) {
                        failures.add(route.describe() + " as " + (filled.length() > 120 ? filled.substring(0, 120) + "…" : filled)
                                + " answered " + r.statusCode());
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), "a malformed path value must never give a 5xx:\n" + String.join("\n", failures));
    }
}
