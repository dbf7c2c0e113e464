package dev.paas.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform's single front door: the dashboard, the REST API of every service and (later) GitHub webhooks.
 * Routes live in {@code application.yaml}; each upstream's address is configuration.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
