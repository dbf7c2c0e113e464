package dev.paas.database.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.ClassPathResource;

class EnginesPropertiesTest {

    @Test
    void applicationYamlHoldsTheSpecsDefaults() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        EnginesProperties bound = new Binder(new MapConfigurationPropertySource(yaml.getObject()))
                .bind("paas.databases.engines", EnginesProperties.class).get();
        assertThat(bound).isEqualTo(EnginesProperties.defaults());
        assertThat(bound.postgresql().versions()).containsExactly(
                new EnginesProperties.Version("15", List.of("postgres:15", "paas/postgres:15")));
        assertThat(bound.mongodb().versions().getFirst().images()).containsExactly("mongo:7");
        assertThat(bound.pullTimeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
