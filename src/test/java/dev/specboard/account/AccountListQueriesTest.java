package dev.specboard.account;

import dev.specboard.kernel.Role;
import dev.specboard.project.Project;
import dev.specboard.support.SqlCounter;
import dev.specboard.support.TestData;
import dev.specboard.support.Web;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A person's own lists (their projects on the home page, their API tokens on the account page and in the API) run the same statements for ten times the rows. */
@QuarkusTest
class AccountListQueriesTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    /** Someone in n projects (half their own, half as a member) with one token per project besides a site-wide one. */
    private String[] seeded(Account a, int n) {
        for (int i = 0; i < n; i++) {
            Project p = i % 2 == 0 ? data.project(a) : data.project(data.account("other"));
            if (i % 2 == 1) {
                data.addMember(p, a, Role.MEMBER);
            }
            tokens.create(a.id, "token " + i, p.id, i % 2 == 0 ? Role.OWNER : Role.VIEWER);
        }
        return new String[] {"Bearer " + tokens.create(a.id, "site", null, null).value()};
    }

    @Test
    void homeAccountAndTokenListsKeepTheirStatementCountWhenRowsGrowTenfold() {
        Account few = data.account("few");
        Account many = data.account("many");
        String[] small = seeded(few, 3);
        String[] big = seeded(many, 30);
        for (String page : new String[] {"/", "/account"}) {
            assertEquals(SqlCounter.count(() -> Web.as(few).get(page).then().statusCode(200)),
                    SqlCounter.count(() -> Web.as(many).get(page).then().statusCode(200)), page);
        }
        assertEquals(SqlCounter.count(() -> RestAssured.given().header("Authorization", small[0]).get("/api/v1/tokens").then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().header("Authorization", big[0]).get("/api/v1/tokens").then().statusCode(200)), "API tokens");
        assertEquals(SqlCounter.count(() -> RestAssured.given().header("Authorization", small[0]).get("/api/v1/projects").then().statusCode(200)),
                SqlCounter.count(() -> RestAssured.given().header("Authorization", big[0]).get("/api/v1/projects").then().statusCode(200)), "API projects");
        assertEquals(30, RestAssured.given().header("Authorization", big[0]).get("/api/v1/projects").then().statusCode(200)
                .extract().jsonPath().getList("").size());
    }
}
