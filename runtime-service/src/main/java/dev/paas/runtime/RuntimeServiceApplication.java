package dev.paas.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * runtime-service: turns built images into running, resource-limited containers and routes each project's
 * host name to its current container through Caddy.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RuntimeServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RuntimeServiceApplication.class, args);
    }
}
