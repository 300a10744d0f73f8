package dev.specboard.web;

import dev.specboard.account.ApiTokenService;
import dev.specboard.account.CsrfTokens;
import dev.specboard.account.SessionCookie;
import dev.specboard.support.RawHttp;
import dev.specboard.support.Routes;
import dev.specboard.support.Routes.Route;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import org.jboss.resteasy.reactive.RestForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every route that takes a body (found by scanning the compiled classes, so routes added later are covered
 * without editing this test) with bad input in each of its text fields: a NUL character, text longer than the
 * limits, an unreadable form. None may answer 5xx, and a NUL is refused with 422 wherever there is a text field.
 */
@QuarkusTest
class InputCensusTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Inject
    SessionCookie sessions;

    private TestData.Team team;
    private String token;
    private String login;

    @BeforeEach
    void team() {
        team = data.team();
        token = tokens.create(team.owner().id, "census", null, null).value();
        login = Web.sessionCookie(team.owner());
    }

    @Test
    void scanFindsTheFormsAndBodies() {
        List<String> fields = writes().stream().map(r -> r.describe() + " " + textFields(r)).toList();
        for (String expected : List.of("POST /projects/{slug}/stories (StoryResource.create) [title, description, acceptanceCriteria]",
                "POST /api/v1/projects/{slug}/specs (SpecApi.createSpec) [title, specType, content, overview, architecture, technologyStack, dependsOn]",
                "POST /login (AuthResource.login) [username, password, next]")) {
            assertTrue(fields.contains(expected), "scan missed " + expected + " in\n" + String.join("\n", fields));
        }
    }

    @Test
    void nulInAnyTextFieldIs422AndNeverA5xx() {
        List<String> failures = new ArrayList<>();
        for (Route route : writes()) {
            List<String> fields = textFields(route);
            Response r = send(route, fields.isEmpty() ? List.of("anything") : fields, name -> "a\u0000b");
            boolean ok = fields.isEmpty() ? r.statusCode() < 500 : r.statusCode() == 422;
            if (!ok) {
                failures.add(route.describe() + " " + fields + " answered " + r.statusCode() + ": " + excerpt(r.asString()));
            }
        }
        assertTrue(failures.isEmpty(), "a NUL must be refused with 422 (never 5xx):\n" + String.join("\n", failures));
    }

    /** Longer than every column and every text limit up to descriptions (longer ones have their own tests). */
    @Test
    void textLongerThanTheLimitsNeverGivesA5xx() {
        String huge = "x".repeat(20_001);
        List<String> failures = new ArrayList<>();
        for (Route route : writes()) {
            List<String> fields = textFields(route);
            if (fields.isEmpty()) {
                continue;
            }
            Response r = send(route, fields, name -> huge);
            if (r.statusCode() >= 500) {
                failures.add(route.describe() + " " + fields + " answered " + r.statusCode() + ": " + excerpt(r.asString()));
            }
        }
        assertTrue(failures.isEmpty(), "over-long text must be refused or stored, never 5xx:\n" + String.join("\n", failures));
    }

    @Test
    void unreadableFormsAre4xxEverywhere() {
        String cookies = "Cookie: " + SessionCookie.NAME + "=" + login;
        String token = "csrf-token=" + URLEncoder.encode(Web.csrfToken(login), StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (Route route : writes()) {
            if (route.api()) {
                continue;
            }
            String path = Routes.fill(route, team.slug());
            Map<String, RawHttp.Answer> answers = new LinkedHashMap<>();
            answers.put("bad escape", RawHttp.send(route.method() + " " + path + " HTTP/1.1\r\nContent-Type: " + FORM + "\r\n" + cookies,
                    token + "&x=%ZZ"));
            answers.put("broken multipart", RawHttp.send(route.method() + " " + path + " HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=B\r\n"
                    + CsrfTokens.HEADER + ": " + Web.csrfToken(login) + "\r\n" + cookies, "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\ny\r\n--"));
            answers.forEach((what, a) -> {
                if (a.status() < 400 || a.status() >= 500) {
                    failures.add(route.describe() + " with a " + what + " answered " + a.status() + ": " + excerpt(a.body()));
                }
            });
        }
        assertTrue(failures.isEmpty(), "an unreadable form must be refused with 4xx:\n" + String.join("\n", failures));
    }

    // --- sending

    private Response send(Route route, List<String> fields, Function<String, String> value) {
        String path = Routes.fill(route, team.slug());
        // A token is made with a password only (a token cannot make another), so that route is sent with one.
        RequestSpecification spec = !route.api() ? Web.as(login)
                : route.template().equals("/api/v1/tokens") && route.method().equals("POST")
                ? RestAssured.given().redirects().follow(false).auth().preemptive().basic(team.owner().username, TestData.PASSWORD)
                : RestAssured.given().redirects().follow(false).header("Authorization", "Bearer " + token);
        spec = spec.config(timeouts());
        if (route.consumes().contains("multipart")) {
            for (String f : fields) {
                spec = spec.multiPart(f, value.apply(f));
            }
        } else if (route.api() || route.consumes().contains("json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            Class<?> type = route.body();
            for (String f : fields) {
                boolean list = type != null && componentType(type, f) != null && Collection.class.isAssignableFrom(componentType(type, f));
                body.put(f, list ? List.of(value.apply(f)) : value.apply(f));
            }
            spec = spec.contentType("application/json").body(body);
        } else {
            spec = spec.contentType(FORM);
            for (String f : fields) {
                spec = spec.formParam(f, value.apply(f));
            }
        }
        return spec.request(route.method(), path);
    }

    private static RestAssuredConfig timeouts() {
        return RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 10_000));
    }

    private static String excerpt(String body) {
        String text = body.replaceAll("\\s+", " ");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    // --- finding the routes that take a body, and their text fields

    /** Every route that changes something: the ones that take a form or a JSON body. */
    static List<Route> writes() {
        return Routes.all().stream().filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD") && !r.method().equals("OPTIONS")).toList();
    }

    /** The names of a route's text inputs: form fields (also inside bean params) or the text components of its JSON body. */
    static List<String> textFields(Route route) {
        List<String> names = new ArrayList<>();
        Method m = route.javaMethod();
        for (Parameter p : m.getParameters()) {
            if (p.isAnnotationPresent(FormParam.class) && isText(p.getParameterizedType())) {
                names.add(p.getAnnotation(FormParam.class).value());
            } else if (p.isAnnotationPresent(RestForm.class) && isText(p.getParameterizedType())) {
                String name = p.getAnnotation(RestForm.class).value();
                names.add(name.isEmpty() ? p.getName() : name);
            } else if (p.isAnnotationPresent(BeanParam.class)) {
                for (Field f : p.getType().getDeclaredFields()) {
                    if (f.isAnnotationPresent(FormParam.class) && isText(f.getGenericType())) {
                        names.add(f.getAnnotation(FormParam.class).value());
                    }
                }
            }
        }
        Class<?> body = route.body();
        if (body != null && body.isRecord()) {
            for (RecordComponent c : body.getRecordComponents()) {
                if (isText(c.getGenericType())) {
                    names.add(c.getName());
                }
            }
        }
        return names;
    }

    /** Text, or a list of texts. */
    private static boolean isText(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() instanceof Class<?> raw && Collection.class.isAssignableFrom(raw)) {
            return list.getActualTypeArguments()[0] == String.class;
        }
        return type == String.class;
    }

    /** The type of a record body's component; null for none, and for a body that is no record (a map of columns, say). */
    private static Class<?> componentType(Class<?> record, String name) {
        if (!record.isRecord()) {
            return null;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c.getType();
            }
        }
        return null;
    }

}
