package dev.paas.identity.web;

import dev.paas.identity.apitokens.ApiTokenService;
import dev.paas.identity.tokens.AccessTokens.IssuedToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the gateway: trades a personal API token for a short access token. Authenticated by the API token itself,
 * so it sits outside the user-authenticated API.
 */
@RestController
class ApiTokenExchangeController {

    private final ApiTokenService tokens;

    ApiTokenExchangeController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record ExchangeRequest(String token) {
    }

    record ExchangeResponse(String accessToken, long expiresIn, String tokenType) {
    }

    @PostMapping("/internal/api-tokens/exchange")
    ExchangeResponse exchange(@RequestBody ExchangeRequest body) {
        IssuedToken issued = tokens.exchange(body.token());
        return new ExchangeResponse(issued.value(), issued.expiresIn(), "Bearer");
    }
}
