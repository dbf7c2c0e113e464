package dev.paas.build;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * build-service: turns a requested deployment into a local Docker image. It consumes {@code DeploymentRequested},
 * clones the repository, detects the stack, builds the image and publishes {@code ImageBuilt} or {@code BuildFailed}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BuildServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BuildServiceApplication.class, args);
    }
}
