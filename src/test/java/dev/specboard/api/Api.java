package dev.specboard.api;

import dev.specboard.account.Account;
import dev.specboard.account.ApiTokenService;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** API requests with a real bearer token of the account. */
final class Api {

    private static final Map<java.util.UUID, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    static RequestSpecification as(Account account) {
        String token = TOKENS.computeIfAbsent(account.id,
                id -> CDI.current().select(ApiTokenService.class).get().create(id, "test", null, null).value());
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
