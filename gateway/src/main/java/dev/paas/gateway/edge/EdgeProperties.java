package dev.paas.gateway.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway applies before anything else looks at a request ({@code paas.gateway.*}).
 *
 * @param bodyLimits the largest request bodies accepted
 * @param cors which foreign origins browsers may call the API from
 */
@ConfigurationProperties("paas.gateway")
record EdgeProperties(BodyLimits bodyLimits, Cors cors) {

    EdgeProperties {
        bodyLimits = bodyLimits == null ? new BodyLimits(null, null) : bodyLimits;
        cors = cors == null ? new Cors(null) : cors;
    }

    /**
     * @param api largest body on {@code /api/**} and everything else but webhooks (1 MiB)
     * @param webhooks largest body on {@code /webhooks/**} (5 MiB; GitHub push payloads are far smaller)
     */
    record BodyLimits(DataSize api, DataSize webhooks) {

        BodyLimits {
            api = api == null ? DataSize.ofMegabytes(1) : api;
            webhooks = webhooks == null ? DataSize.ofMegabytes(5) : webhooks;
        }
    }

    /** @param allowedOrigins origins allowed to call the API from a browser; none by default */
    record Cors(List<String> allowedOrigins) {

        Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        }
    }
}
