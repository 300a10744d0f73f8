package dev.specboard.web;

import dev.specboard.support.LogCapture;
import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import dev.specboard.account.SessionCookie;
import dev.specboard.architecture.ComponentForm;
import dev.specboard.architecture.ComponentService;
import dev.specboard.project.Access;
import dev.specboard.kernel.Role;
import dev.specboard.repo.GitFixture;
import dev.specboard.repo.Repo;
import dev.specboard.repo.RepoTestSupport;
import dev.specboard.repo.SyncStatus;
import dev.specboard.story.Story;
import dev.specboard.support.RawHttp;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input never gives a 500: NUL characters, malformed encodings and headers, unknown static paths, off-site
 * {@code next} targets, over-long form fields and ill-typed or unknown JSON fields each get a clear 4xx (a readable
 * page, the form again, or the JSON error), log one WARN line without a stack trace, and store nothing. Requests that
 * HTTP clients refuse to build go out byte by byte through {@link RawHttp}. {@link InputCensusTest} walks every route.
 */
@QuarkusTest
class MalformedInputTest {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @Inject
    TestData data;

    @Inject
    SessionCookie sessions;

    @Inject
    ApiTokenService tokens;

    @Inject
    ComponentService components;

    @Inject
    RepoTestSupport repos;

    private final java.util.Map<java.util.UUID, String> logins = new java.util.HashMap<>();

    /** What the refusal guard and the error mapper log while a test runs. */
    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.of(InputGuard.class, ErrorMapper.class);
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    // --- NUL characters

    @Test
    void nulInAFormFieldIs422NamingTheFieldAndStoresNothing() {
        TestData.Team t = data.team();
        for (String title : List.of("a\u0000b", "\u0000")) {
            Response r = Web.as(t.member()).contentType(FORM).formParam("title", title).formParam("description", "fine")
                    .post(stories(t));
            assertEquals(422, r.statusCode());
            assertTrue(Web.html(r).getElementById("error-message").text().contains("The field title contains a NUL character"), r.asString());
        }
        // The same refusal as a raw %00 escape, and in a field's name.
        RawHttp.Answer escaped = rawForm(t.member(), stories(t), "title=a%00b");
        assertEquals(422, escaped.status());
        assertEquals(422, rawForm(t.member(), stories(t), "ti%00tle=x").status());
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(4);
    }

    @Test
    void nulInAnHtmxFormIs422ShownInTheFlashArea() {
        TestData.Team t = data.team();
        Response r = Web.htmx(Web.as(t.member())).contentType(FORM).formParam("title", "a\u0000b").post(stories(t));
        assertEquals(422, r.statusCode());
        assertEquals("#flash", r.getHeader("HX-Retarget"));
        assertTrue(Web.html(r).getElementById("error-message").text().contains("title"));
    }

    @Test
    void nulInThePathOrQueryIs400OnPagesApiAndStaticFiles() {
        TestData.Team t = data.team();
        String token = token(t.member());
        for (String target : List.of("/projects/a%00b", stories(t) + "/1%00", stories(t) + "?q=a%00b", stories(t) + "?status=%00",
                "/static/app%00.css", "/login?next=/%00")) {
            RawHttp.Answer a = RawHttp.send("GET " + target + " HTTP/1.1\r\n" + cookies(t.member()), (String) null);
            assertEquals(400, a.status(), target);
            Document d = Jsoup.parse(a.body());
            assertTrue(d.getElementById("error-message").text().contains("NUL character"), target + ": " + a.body());
        }
        RawHttp.Answer api = RawHttp.send("GET /api/v1/projects/" + t.slug() + "/stories?q=%00 HTTP/1.1\r\nAuthorization: Bearer " + token,
                (String) null);
        assertEquals(400, api.status());
        assertTrue(api.header("content-type").startsWith("application/json"));
        assertTrue(JsonPath.from(api.body()).getString("error").contains("NUL character"));
        assertEquals(Map.of(), JsonPath.from(api.body()).getMap("details"));
        assertOneWarnPerRefusal(7);
    }

    @Test
    void aDotSegmentInThePathIs400AndNeverReachesTheRouteAbove() {
        TestData.Team t = data.team();
        String token = token(t.owner());
        UUID c = components.create(new Access(t.project(), Role.OWNER, t.owner().id),
                new ComponentForm("Ledger", "schema", "lib/ledger.ex", "", "", null)).id;
        String component = "/api/v1/projects/" + t.slug() + "/components/" + c;
        // Vert.x removes dot segments before routing: this DELETE reached the route deleting the component itself.
        for (String segment : List.of("%2e%2e", "%2E%2e", ".%2e", "..", "%2e", ".")) {
            RawHttp.Answer a = RawHttp.send("DELETE " + component + "/dependencies/" + segment + " HTTP/1.1\r\nAuthorization: Bearer " + token,
                    (String) null);
            assertEquals(400, a.status(), segment);
            assertTrue(a.header("content-type").startsWith("application/json"), segment);
            assertTrue(JsonPath.from(a.body()).getString("error").contains("segment"), a.body());
        }
        api(t.owner()).get(component).then().statusCode(200);
        RawHttp.Answer page = RawHttp.send("GET " + stories(t) + "/1/%2e%2e?q=x HTTP/1.1\r\n" + cookies(t.member()), (String) null);
        assertEquals(400, page.status());
        assertTrue(Jsoup.parse(page.body()).getElementById("error-message").text().contains("segment"), page.body());
        // Names that only start or end with dots are names, and a dot in the query is no segment.
        assertEquals(404, RawHttp.send("GET " + stories(t) + "/...%2e HTTP/1.1\r\n" + cookies(t.member()), (String) null).status());
        assertEquals(200, RawHttp.send("GET " + stories(t) + "?q=.. HTTP/1.1\r\n" + cookies(t.member()), (String) null).status());
        assertOneWarnPerRefusal(7);
    }

    @Test
    void nulInAJsonTextIs422NamingTheFieldAndStoresNothing() {
        TestData.Team t = data.team();
        JsonPath story = api(t.member()).body("{\"title\":\"a\\u0000b\",\"description\":\"x\"}").post(apiStories(t))
                .then().statusCode(422).extract().jsonPath();
        assertEquals("must not contain the NUL character", story.getString("details.title"));
        JsonPath spec = api(t.member()).body("{\"title\":\"Spec\",\"dependsOn\":[\"SPEC-1\",\"x\\u0000\"]}")
                .post("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(422).extract().jsonPath();
        assertEquals("must not contain the NUL character", spec.getMap("details").get("dependsOn[1]"));
        assertEquals(0, storyCount(t));
        api(t.member()).get("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(200).body("size()", is(0));
        assertOneWarnPerRefusal(2);
        // Half a surrogate pair is valid JSON but no character: the database kept "?" while the answer echoed the text.
        JsonPath half = api(t.member()).body("{\"title\":\"\\ud800 alone\",\"description\":\"x\"}").post(apiStories(t))
                .then().statusCode(422).extract().jsonPath();
        assertEquals("must not contain an unpaired surrogate", half.getString("details.title"));
        api(t.member()).body("{\"title\":\"a pair \\ud83d\\ude00\",\"description\":\"x\"}").post(apiStories(t))
                .then().statusCode(201).body("title", equalTo("a pair \ud83d\ude00"));
    }

    @Test
    void nulInBasicCredentialsIs401() {
        String basic = Base64.getEncoder().encodeToString("ada\u0000:pw".getBytes(StandardCharsets.UTF_8));
        RestAssured.given().header("Authorization", "Basic " + basic).contentType("application/json").body("{\"name\":\"x\"}")
                .post("/api/v1/tokens").then().statusCode(401).body("error", containsString("Basic"));
    }

    /** The password is not even hashed (PasswordCheckTest times that); an over-long login name is not looked up. */
    @Test
    void overLongLoginOrPasswordIsAFailedLogin() {
        TestData.Team t = data.team();
        for (String[] credentials : List.of(new String[]{"x".repeat(300), TestData.PASSWORD},
                new String[]{t.member().username, "p".repeat(100_000)})) {
            Response r = Web.anonymous().contentType(FORM).formParam("username", credentials[0]).formParam("password", credentials[1])
                    .post("/login");
            assertEquals(422, r.statusCode());
            assertEquals("Wrong username or password.", Web.html(r).getElementById("login-error").text());
        }
        Web.anonymous().contentType(FORM).formParam("username", t.member().username).formParam("password", TestData.PASSWORD)
                .post("/login").then().statusCode(303);
    }

    // --- malformed encodings, bodies and headers

    @Test
    void malformedPercentEncodingInAFormIs400WithAReadablePageAndStoresNothing() {
        TestData.Team t = data.team();
        RawHttp.Answer a = rawForm(t.member(), stories(t), "title=%ZZ&description=x");
        assertEquals(400, a.status());
        assertTrue(Jsoup.parse(a.body()).getElementById("error-message").text().contains("not properly encoded"));
        assertEquals(400, rawForm(t.member(), stories(t), "title=50%").status());
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(2);
    }

    @Test
    void malformedPercentEncodingInTheRequestLineIsRefusedByTheServerBeforeTheApplication() {
        // Vert.x refuses a request target that is not HTTP while decoding it; no application code runs.
        for (String target : List.of("/login?q=%ZZ", "/lo%ZZgin", "/login?q=50%")) {
            assertEquals(400, RawHttp.send("GET " + target + " HTTP/1.1", (String) null).status(), target);
        }
        assertTrue(logs.records().stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()));
    }

    @Test
    void moreThanAThousandFormFieldsIs400() {
        TestData.Team t = data.team();
        StringBuilder body = new StringBuilder("title=Many");
        for (int i = 0; i < 1001; i++) {
            body.append("&f").append(i).append("=1");
        }
        RawHttp.Answer a = rawForm(t.member(), stories(t), body.toString());
        assertEquals(400, a.status());
        assertTrue(Jsoup.parse(a.body()).getElementById("error-message").text().contains("too many fields"));
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(1);
    }

    @Test
    void malformedMultipartBodyIs4xxWithAReadablePage() {
        TestData.Team t = data.team();
        for (String type : List.of("multipart/form-data; boundary=XYZ", "multipart/form-data")) {
            RawHttp.Answer a = RawHttp.send("POST " + stories(t) + " HTTP/1.1\r\nContent-Type: " + type + "\r\nX-CSRF-TOKEN: "
                    + csrfToken(t.member()) + "\r\n" + cookies(t.member()), "--XYZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhi\r\n--XY");
            assertEquals(415, a.status(), type);
            assertNotNull(Jsoup.parse(a.body()).getElementById("error-message"), a.body());
        }
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(2);
    }

    /** A 415 of the API names what the call takes; a form's keeps the words of the error page. */
    @Test
    void anApi415SaysWhatToSend() {
        TestData.Team t = data.team();
        api(t.member()).contentType("text/plain").body("title=x").post(apiStories(t)).then().statusCode(415)
                .body("error", equalTo("Send the body as application/json.")).body("details", equalTo(Map.of()));
        // Outside a project, RESTEasy refuses while routing: the same words.
        api(t.member()).contentType("application/x-www-form-urlencoded").body("name=x").post("/api/v1/tokens").then().statusCode(415)
                .body("error", equalTo("Send the body as application/json."));
        RawHttp.Answer page = RawHttp.send("POST " + stories(t) + " HTTP/1.1\r\nContent-Type: multipart/form-data\r\nX-CSRF-TOKEN: "
                + csrfToken(t.member()) + "\r\n" + cookies(t.member()), "title=x");
        assertEquals(415, page.status());
        assertEquals("This kind of content is not accepted here.", Jsoup.parse(page.body()).selectFirst("#error-message p").text(), page.body());
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(3);
    }

    @Test
    void emptyOrMalformedContentTypeIs400() {
        TestData.Team t = data.team();
        for (String type : List.of("", "   ", "not a type")) {
            RawHttp.Answer page = RawHttp.send("POST " + stories(t) + " HTTP/1.1\r\nContent-Type: " + type + "\r\nX-CSRF-TOKEN: "
                    + csrfToken(t.member()) + "\r\n" + cookies(t.member()), "title=x");
            assertEquals(400, page.status(), "[" + type + "]");
            assertTrue(Jsoup.parse(page.body()).getElementById("error-message").text().contains("Content-Type"));
            RawHttp.Answer api = RawHttp.send("POST " + apiStories(t) + " HTTP/1.1\r\nContent-Type: " + type
                    + "\r\nAuthorization: Bearer " + token(t.member()), "{\"title\":\"x\"}");
            assertEquals(400, api.status(), "[" + type + "]");
            assertTrue(JsonPath.from(api.body()).getString("error").contains("Content-Type"));
        }
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(6);
    }

    @Test
    void aBadFlashCookieOrHtmxCurrentUrlIsIgnored() {
        TestData.Team t = data.team();
        RawHttp.Answer page = RawHttp.send("GET " + stories(t) + " HTTP/1.1\r\n" + cookies(t.member()) + "; sb_flash=%ZZ", (String) null);
        assertEquals(200, page.status());
        RawHttp.Answer anonymous = RawHttp.send("GET " + stories(t) + " HTTP/1.1\r\nHX-Request: true\r\nHX-Current-URL: http://x/<y>",
                (String) null);
        assertEquals(401, anonymous.status());
        assertEquals("/login?next=" + URLEncoder.encode(stories(t), StandardCharsets.UTF_8), anonymous.header("HX-Redirect"));
    }

    // --- unknown paths outside the resources, and the favicon

    @Test
    void unknownStaticPathsAnswerAReadable404() {
        for (String path : List.of("/static/nope.js", "/webjars/nope", "/webjars/htmx.org/nope.js", "/q/nope")) {
            Response r = RestAssured.given().redirects().follow(false).get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.contentType().startsWith("text/html"), path);
            assertEquals("404 · Not found", Web.html(r).selectFirst("#error-message h1").text(), path);
        }
        TestData.Team t = data.team();
        Response loggedIn = Web.as(t.member()).get("/static/nope.js");
        assertEquals(404, loggedIn.statusCode());
        Response fragment = Web.htmx(Web.as(t.member())).get("/static/nope.js");
        assertEquals(404, fragment.statusCode());
        assertNotNull(Web.html(fragment).getElementById("error-message"));
        assertTrue(logs.records().stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || r.getThrown() != null));
    }

    @Test
    void faviconIsARealIcon() {
        Response r = RestAssured.given().get("/favicon.ico");
        assertEquals(200, r.statusCode());
        byte[] icon = r.asByteArray();
        assertArrayEquals(new byte[]{0, 0, 1, 0}, Arrays.copyOf(icon, 4), "an ICO header");
        assertTrue(icon[4] >= 1, "at least one image");
    }

    // --- where a login leads

    @Test
    void loginNextOnlyEverLeadsToAPathOfThisSite() {
        TestData.Team t = data.team();
        for (String next : List.of("/<script>", "/\t/x", "/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/",
                "/%09/evil.example", "/%2F/evil.example", " /x", "/x y", "javascript:alert(1)")) {
            Response r = Web.as(t.member()).queryParam("next", next).get("/login");
            assertEquals(303, r.statusCode(), next);
            assertEquals("/", URI.create(r.getHeader("Location")).getPath(), next);
            assertNull(URI.create(r.getHeader("Location")).getQuery(), next);

            Response login = Web.htmx(Web.anonymous()).contentType(FORM).formParam("username", t.member().username)
                    .formParam("password", TestData.PASSWORD).formParam("next", next).post("/login");
            assertEquals("/", login.getHeader("HX-Redirect"), next);
            Document form = Web.html(RestAssured.given().queryParam("next", next).get("/login"));
            assertEquals("/", form.selectFirst("input[name=next]").val(), next);
        }
        String local = "/projects/" + t.slug() + "/stories?q=sign%20in";
        Response r = Web.as(t.member()).queryParam("next", local).get("/login");
        assertEquals(303, r.statusCode());
        assertTrue(r.getHeader("Location").endsWith(local), r.getHeader("Location"));
        Response login = Web.htmx(Web.anonymous()).contentType(FORM).formParam("username", t.member().username)
                .formParam("password", TestData.PASSWORD).formParam("next", local).post("/login");
        assertEquals(local, login.getHeader("HX-Redirect"));
    }

    // --- form fields as long as validation allows

    @Test
    void descriptionOverItsLimitIs422NamingTheFieldWithTheTextKept() {
        TestData.Team t = data.team();
        String description = "é".repeat(20_001);
        Response r = Web.as(t.member()).contentType(FORM).formParam("title", "Long").formParam("description", description)
                .formParam("acceptanceCriteria", "ü".repeat(5_000)).post(stories(t));
        assertEquals(422, r.statusCode());
        Document d = Web.html(r);
        assertEquals("At most 20000 characters", d.getElementById("e-description").text());
        assertEquals(description, d.getElementById("f-description").wholeText());
        assertEquals("ü".repeat(5_000), d.getElementById("f-acceptanceCriteria").wholeText());
        assertEquals("Long", d.getElementById("f-title").val());
        assertEquals(0, storyCount(t));
    }

    @Test
    void fieldsLongerThanTheOldFormLimitAreSaved() {
        TestData.Team t = data.team();
        String description = "Ünïcödé ".repeat(2_500).strip();
        Web.as(t.member()).contentType(FORM).formParam("title", "Long one").formParam("description", description).post(stories(t))
                .then().statusCode(303);
        assertEquals(description, QuarkusTransaction.requiringNew().call(() ->
                Story.<Story>find("projectId = ?1 and number = 1", t.project().id).firstResult().description));

        // A design doc may hold 200,000 characters: 1.8 MB once percent-encoded when every character takes three bytes.
        UUID c = components.create(new Access(t.project(), Role.OWNER, t.owner().id),
                new ComponentForm("Payments", "schema", "lib/payments.ex", "", "", null)).id;
        String doc = "/projects/" + t.slug() + "/components/" + c + "/design-doc";
        String content = "設".repeat(200_000);
        Web.as(t.member()).contentType(FORM).formParam("content", content).formParam("version", "0").post(doc).then().statusCode(303);
        assertEquals(content, Web.html(Web.as(t.member()).get(doc + "/edit")).getElementById("f-content").wholeText());
        Response over = Web.as(t.member()).contentType(FORM).formParam("content", content + "!").formParam("version", "1").post(doc);
        assertEquals(422, over.statusCode());
        assertEquals(content + "!", Web.html(over).getElementById("f-content").wholeText());
    }

    @Test
    void reviewCommentLongerThanTheOldFormLimitIsSaved() {
        try (GitFixture git = GitFixture.create()) {
            git.commit("first", "src/App.java", GitFixture.lines(20));
            TestData.Team t = data.team();
            Repo repo = repos.add(t.project(), t.owner(), "app", git.url());
            assertEquals(SyncStatus.SUCCESS, repos.awaitLatest(repo).status);
            String body = "A long remark — with accents é and more. ".repeat(120);
            assertTrue(body.getBytes(StandardCharsets.UTF_8).length > 2_049);
            Response r = Web.htmx(Web.as(t.reviewer())).contentType(FORM).formParam("path", "src/App.java").formParam("lineStart", "3")
                    .formParam("lineEnd", "3").formParam("body", body).post("/projects/" + t.slug() + "/repos/app/threads");
            assertEquals(200, r.statusCode(), r.asString());
            assertEquals(body.strip(), Web.html(r).selectFirst("li.comment .comment-body").text());
        }
    }

    // --- JSON bodies

    @Test
    void wrongJsonTypeIs400NamingTheField() {
        TestData.Team t = data.team();
        JsonPath thread = api(t.member()).body("{\"path\":\"a.txt\",\"lineStart\":\"abc\",\"body\":\"x\"}")
                .post("/api/v1/projects/" + t.slug() + "/repos/app/threads").then().statusCode(400).extract().jsonPath();
        assertEquals("The field lineStart must be a whole number", thread.getString("error"));
        assertEquals(Map.of("lineStart", "must be a whole number"), thread.getMap("details"));

        JsonPath nested = api(t.member()).body("{\"title\":\"S\",\"specType\":\"hierarchical\",\"phases\":[{\"name\":\"a\",\"hours\":\"lots\"}]}")
                .post("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(400).extract().jsonPath();
        assertEquals("must be a number", nested.getMap("details").get("phases[0].hours"));

        JsonPath list = api(t.member()).body("[1]").post(apiStories(t)).then().statusCode(400).extract().jsonPath();
        assertEquals("The request body must be a JSON object", list.getString("error"));
        JsonPath broken = api(t.member()).body("{\"title\":").post(apiStories(t)).then().statusCode(400).extract().jsonPath();
        assertTrue(broken.getString("error").startsWith("The request body is not valid JSON"));
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(4);
    }

    /** A truncated body was told Jackson's "(start marker at [Source: REDACTED (`StreamReadFeature...` disabled); ...])". */
    @Test
    void aTruncatedBodyIsToldWhatIsLeftOpenInPlainWords() {
        TestData.Team t = data.team();
        String error = api(t.member()).body("{").post(apiStories(t)).then().statusCode(400).extract().path("error");
        assertTrue(error.startsWith("The request body is not valid JSON") && error.endsWith(
                ": it ends before the object is closed (the object opens at line 1, column 1)") && !error.contains("Source"), error);
        String word = api(t.member()).body("{\"title\": nope}").post(apiStories(t)).then().statusCode(400).extract().path("error");
        assertTrue(word.contains("unknown word 'nope'") && word.contains("(line 1, column ") && !word.contains("JSON String"), word);
        assertEquals(0, storyCount(t));
    }

    /**
     * A chunk size that is no hexadecimal number ("ZZZZ") after a valid 70 KB chunk: it was logged as an ERROR with some 90
     * lines of stack ("Unexpected error ... NumberFormatException: Invalid character in chunk size"). It is the client's
     * mistake: one WARN line, and 400 when the connection can still carry it (the server closes a connection whose framing broke).
     */
    @Test
    void aGarbledChunkSizeIsOneWarnLineNotAnError() throws InterruptedException {
        TestData.Team t = data.team();
        byte[] chunk = ("{\"title\":\"x\",\"description\":\"" + "a".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        String head = "POST " + apiStories(t) + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\nAuthorization: Bearer "
                + token(t.member()) + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(chunk.length) + "\r\n";
        String answer;
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(chunk);
            out.flush();
            // The server is reading the body when the broken size comes (sent at once, it may be refused before any reader).
            Thread.sleep(1_000);
            out.write("\r\nZZZZ\r\n\"}\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (java.io.IOException closed) {
            answer = "";
        }
        assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 400"), answer);
        // The server logs once the connection is gone: wait for its line (up to 30 s: a loaded machine is slow to get there).
        for (int i = 0; i < 300 && logs.records().stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(300);
        // Netty closes the connection on the broken size. Whether the reader learns of the broken framing or only of
        // the closed connection is a race between the event loop and the worker: when it learns of the closing first,
        // no answer is written and there is nothing to log (a client gone is no news). Either way no ERROR, no 500, no story.
        boolean told = logs.records().stream().anyMatch(r -> formatted(r).contains("chunked transfer encoding is malformed"));
        if (told || answer.startsWith("HTTP/1.1 400")) {
            assertOneWarnPerRefusal(1);
            assertTrue(told, logs.records().stream().map(MalformedInputTest::formatted).toList().toString());
        } else {
            assertOneWarnPerRefusal(0);
        }
        assertEquals(0, storyCount(t));
    }

    /** A number past its Java type gives the field's declared range, or says plainly that it is too large: 422, the field's problem. */
    @Test
    void aNumberTooLargeForItsFieldSaysSoInPlainWords() {
        TestData.Team t = data.team();
        for (String version : List.of("2147483648", "1e400")) {
            api(t.member()).body("{\"title\":\"x\",\"description\":\"y\",\"version\":" + version + "}").put(apiStories(t) + "/1")
                    .then().statusCode(422).body("error", equalTo("The field version is too large")).body("details.version", equalTo("is too large"));
        }
        api(t.member()).body("{\"title\":\"x\",\"description\":\"y\",\"version\":-1e400}").put(apiStories(t) + "/1")
                .then().statusCode(422).body("details.version", equalTo("is too small"));
        // A field with a declared range (@Min, @Max) names it.
        api(t.owner()).body("{\"taskLeaseMinutes\":99999999999,\"version\":1}").put("/api/v1/projects/" + t.slug())
                .then().statusCode(422).body("details.taskLeaseMinutes", equalTo("must be a whole number from 1 to 1440"));
        assertOneWarnPerRefusal(4);
        // Inside Java's range but outside the field's: the same code and the same words (it was 422 "Validation failed" here,
        // 400 above).
        api(t.owner()).body("{\"taskLeaseMinutes\":0,\"version\":1}").put("/api/v1/projects/" + t.slug()).then().statusCode(422)
                .body("error", equalTo("The field taskLeaseMinutes must be a whole number from 1 to 1440"))
                .body("details.taskLeaseMinutes", equalTo("must be a whole number from 1 to 1440"));
        api(t.owner()).body("{\"taskLeaseMinutes\":99999999999,\"version\":1}").put("/api/v1/projects/" + t.slug()).then()
                .statusCode(422).body("error", equalTo("The field taskLeaseMinutes must be a whole number from 1 to 1440"));
    }

    /**
     * JSON is UTF-8 (RFC 8259) and is read so: a body declared in another charset is 415 saying what to send, and bytes that
     * are not UTF-8 are 400 in plain words, not the parser's "Invalid UTF-8 middle byte 0x22".
     */
    @Test
    void aJsonBodyInAnotherCharsetIs415AndOneThatIsNotUtf8Is400() {
        TestData.Team t = data.team();
        byte[] latin1 = "{\"title\":\"caf\u00e9\",\"description\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        String head = "POST " + apiStories(t) + " HTTP/1.1\r\nAuthorization: Bearer " + token(t.member()) + "\r\nContent-Type: ";
        for (String charset : List.of("ISO-8859-1", "\"latin1\"", "utf-16", "no-such-charset")) {
            RawHttp.Answer a = RawHttp.send(head + "application/json; charset=" + charset, latin1);
            assertEquals(415, a.status(), charset + ": " + a.body());
            assertEquals("Send the body as application/json in UTF-8 (charset=utf-8, or no charset): JSON is UTF-8, and this one declares charset="
                    + charset.replace("\"", "") + ".", JsonPath.from(a.body()).getString("error"), a.body());
        }
        RawHttp.Answer plain = RawHttp.send(head + "application/json", latin1);
        assertEquals(400, plain.status(), plain.body());
        assertEquals("The body is not valid UTF-8 (byte 15): send JSON in UTF-8.", JsonPath.from(plain.body()).getString("error"));
        // UTF-8 declared, in any spelling, is read.
        byte[] utf8 = "{\"title\":\"caf\u00e9\",\"description\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(201, RawHttp.send(head + "application/json; charset=UTF-8", utf8).status());
        assertEquals(201, RawHttp.send(head + "application/json;charset=utf8", utf8).status());
        assertEquals(2, storyCount(t));
        assertOneWarnPerRefusal(5);
    }

    /**
     * The server does not unpack request bodies (a small gzip can unpack past every size limit): a body in a content
     * coding is 415 saying so, on the API and on the pages, where it used to be read as it came and refused as garbled JSON.
     */
    @Test
    void aBodyInAContentCodingIs415SayingCodingsAreNotAccepted() throws java.io.IOException {
        TestData.Team t = data.team();
        byte[] json = "{\"title\":\"Zipped\",\"description\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(json);
        }
        String head = "POST " + apiStories(t) + " HTTP/1.1\r\nAuthorization: Bearer " + token(t.member())
                + "\r\nContent-Type: application/json\r\nContent-Encoding: ";
        for (String coding : List.of("gzip", "GZIP", "br", "deflate, identity")) {
            RawHttp.Answer a = RawHttp.send(head + coding, zipped.toByteArray());
            assertEquals(415, a.status(), coding + ": " + a.body());
            assertTrue(a.header("Content-Type").startsWith("application/json"), a.header("Content-Type"));
            assertEquals("Content codings are not accepted (this body is sent with Content-Encoding: " + coding
                    + "): send the body uncompressed, without a Content-Encoding header.", JsonPath.from(a.body()).getString("error"), a.body());
            assertEquals("not accepted: send the body uncompressed", JsonPath.from(a.body()).getString("details.Content-Encoding"), a.body());
            assertEquals("identity", a.header("Accept-Encoding"), "RFC 7694: the 415 names the coding taken");
        }
        RawHttp.Answer page = RawHttp.send("POST /projects/" + t.slug() + "/stories HTTP/1.1\r\nContent-Type: " + FORM
                + "\r\nContent-Encoding: gzip", zipped.toByteArray());
        assertEquals(415, page.status(), page.body());
        assertTrue(Jsoup.parse(page.body()).getElementById("error-message").text().contains("Content codings are not accepted"), page.body());
        assertEquals(0, storyCount(t));
        assertEquals(201, RawHttp.send(head + "identity", json).status(), "identity is the body as it is");
        assertEquals(1, storyCount(t));
        assertOneWarnPerRefusal(5);
    }

    @Test
    void jsonNestedTooDeeplySaysSoWithoutTheParsersSettingName() {
        TestData.Team t = data.team();
        String deep = "[".repeat(1_001) + "]".repeat(1_001);
        JsonPath r = api(t.member()).body("{\"title\":\"x\",\"description\":\"y\",\"extra\":" + deep + "}").post(apiStories(t))
                .then().statusCode(400).extract().jsonPath();
        assertEquals("The JSON is nested too deeply (more than 1000 levels).", r.getString("error"));
        assertEquals(0, storyCount(t));
        assertOneWarnPerRefusal(1);
    }

    @Test
    void unknownJsonFieldsAre422NamingEachAndStoreNothing() {
        TestData.Team t = data.team();
        api(t.member()).body(Map.of("title", "First", "description", "x")).post(apiStories(t)).then().statusCode(201);
        String body = "{\"storyNumber\":1,\"title\":\"Spec\",\"specType\":\"hierarchical\",\"depends_on\":[\"SPEC-9\"],"
                + "\"phases\":[{\"name\":\"One\",\"assigned_files\":[\"a.txt\"]},{\"name\":\"Two\",\"estimate\":3}]}";
        JsonPath r = api(t.member()).body(body).post("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(422).extract().jsonPath();
        assertEquals(Map.of("depends_on", "unknown field; did you mean dependsOn?",
                "phases[0].assigned_files", "unknown field; did you mean assignedFiles?",
                "phases[1].estimate", "unknown field"), r.getMap("details"));
        assertTrue(r.getString("error").startsWith("Unknown fields: "), r.getString("error"));
        api(t.member()).get("/api/v1/projects/" + t.slug() + "/specs").then().statusCode(200).body("size()", is(0));

        api(t.member()).body("{\"title\":\"Two\",\"acceptance_criteria\":\"x\"}").post(apiStories(t)).then().statusCode(422)
                .body("details.acceptance_criteria", equalTo("unknown field; did you mean acceptanceCriteria?"));
        assertEquals(1, storyCount(t));
        assertOneWarnPerRefusal(2);
    }

    // --- helpers

    private static String stories(TestData.Team t) {
        return "/projects/" + t.slug() + "/stories";
    }

    private static String apiStories(TestData.Team t) {
        return "/api/v1/projects/" + t.slug() + "/stories";
    }

    /** One login per account and test, as a browser keeps it. */
    private String login(Account a) {
        return logins.computeIfAbsent(a.id, id -> Web.sessionCookie(a));
    }

    private String cookies(Account a) {
        return "Cookie: " + SessionCookie.NAME + "=" + login(a);
    }

    private String csrfToken(Account a) {
        return Web.csrfToken(login(a));
    }

    /** A form posted byte for byte, with the CSRF token added as its first field. */
    private RawHttp.Answer rawForm(Account a, String path, String body) {
        String token = "csrf-token=" + URLEncoder.encode(csrfToken(a), StandardCharsets.UTF_8);
        return RawHttp.send("POST " + path + " HTTP/1.1\r\nContent-Type: " + FORM + "\r\n" + cookies(a), token + "&" + body);
    }

    private String token(Account a) {
        return tokens.create(a.id, "malformed input", null, null).value();
    }

    private RequestSpecification api(Account a) {
        return RestAssured.given().header("Authorization", "Bearer " + token(a)).contentType("application/json");
    }

    private static long storyCount(TestData.Team t) {
        return QuarkusTransaction.requiringNew().call(() -> Story.count("projectId", t.project().id));
    }

    /** Each refusal logged exactly one WARN line, without a stack trace, and nothing logged an error. */
    private void assertOneWarnPerRefusal(int refusals) {
        List<LogRecord> warnings = logs.records().stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()).toList();
        assertEquals(refusals, warnings.size(), warnings.stream().map(LogRecord::getMessage).toList().toString());
        assertTrue(warnings.stream().allMatch(r -> r.getThrown() == null && formatted(r).startsWith("Refused ")),
                warnings.stream().map(MalformedInputTest::formatted).toList().toString());
        assertTrue(logs.records().stream().noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()), "no error logged");
    }

    private static String formatted(LogRecord r) {
        Object[] params = r.getParameters();
        return params == null || params.length == 0 ? r.getMessage() : String.format(r.getMessage(), params);
    }
}
