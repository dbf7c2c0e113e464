package dev.paas.gateway.ratelimit;

import dev.paas.gateway.edge.RequestPaths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Which limits count a request: by client address before authentication, by user after it. */
final class RateLimitPolicy {

    private static final RequestPaths API = RequestPaths.of("/api/**");
    private static final RequestPaths SIGN_IN_POSTS = RequestPaths.of("/api/v1/auth/register", "/api/v1/auth/login",
            "/api/v1/auth/refresh", "/api/v1/auth/github/exchange");
    private static final RequestPaths SIGN_IN_GETS = RequestPaths.of("/api/v1/auth/github/callback");
    private static final RequestPaths WEBHOOKS = RequestPaths.of("/webhooks/**");
    private static final RequestPaths DEPLOY_TRIGGERS = RequestPaths.of("/api/v1/projects/*/deployments");

    private final RateLimitProperties limits;

    RateLimitPolicy(RateLimitProperties limits) {
        this.limits = limits;
    }

    List<Bucket> forAddress(ServerHttpRequest request, String address) {
        List<Bucket> buckets = new ArrayList<>();
        HttpMethod method = request.getMethod();
        if (API.matches(request)) {
            buckets.add(bucket("address:" + address, limits.perAddress(), "API requests from this address"));
        }
        if ((HttpMethod.POST.equals(method) && SIGN_IN_POSTS.matches(request))
                || (HttpMethod.GET.equals(method) && SIGN_IN_GETS.matches(request))) {
            buckets.add(bucket("sign-in:" + address, limits.signIn(), "sign-in attempts from this address"));
        }
        if (HttpMethod.POST.equals(method) && WEBHOOKS.matches(request)) {
            buckets.add(bucket("webhook:" + address, limits.webhooks(), "webhook deliveries from this address"));
        }
        return buckets;
    }

    List<Bucket> forUser(ServerHttpRequest request, String userId) {
        List<Bucket> buckets = new ArrayList<>();
        if (API.matches(request)) {
            buckets.add(bucket("user:" + userId, limits.perUser(), "API requests by this user"));
        }
        if (HttpMethod.POST.equals(request.getMethod()) && DEPLOY_TRIGGERS.matches(request)) {
            buckets.add(bucket("deploy:" + userId, limits.deployments(), "deployments started by this user"));
        }
        return buckets;
    }

    private Bucket bucket(String key, int capacity, String what) {
        Duration period = limits.period();
        return new Bucket(key, capacity, period, what);
    }
}
