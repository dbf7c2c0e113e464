package dev.paas.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Registers a component test's database, the shared JetStream server and the service's defaults. Equal settings
 * make equal customizers, so test classes with the same settings share a cached context.
 */
record ServiceComponentTestCustomizer(String database, boolean freshDatabase,
        List<Class<? extends ComponentTestDefaults>> defaults) implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "serviceComponentTest";

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        String databaseUrl = databaseOf(context);
        Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", () -> databaseUrl);
        properties.put("spring.cloud.stream.jetstream.binder.url", NatsServerProcess.shared()::url);
        for (Class<? extends ComponentTestDefaults> type : defaults) {
            BeanUtils.instantiateClass(type).register(properties::put);
        }
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        Lazy source = new Lazy(properties);
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (sources.contains(inlined)) {
            sources.addAfter(inlined, source);
        } else {
            sources.addFirst(source);
        }
    }

    private String databaseOf(ConfigurableApplicationContext context) {
        if (!freshDatabase) {
            return TestDatabases.url(database);
        }
        TestDatabases.Fresh fresh = TestDatabases.fresh(database);
        // Registered before every bean, so destroyed after all of them: the pool has closed when the drop runs.
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean(
                PROPERTY_SOURCE + ".freshDatabase", fresh::close);
        return fresh.url();
    }

    /** Values computed when first read, as {@code @DynamicPropertySource} suppliers are. */
    private static final class Lazy extends EnumerablePropertySource<Map<String, Supplier<Object>>> {

        Lazy(Map<String, Supplier<Object>> properties) {
            super(PROPERTY_SOURCE, properties);
        }

        @Override
        public String[] getPropertyNames() {
            return getSource().keySet().toArray(String[]::new);
        }

        @Override
        public Object getProperty(String name) {
            Supplier<Object> value = getSource().get(name);
            return value == null ? null : value.get();
        }
    }
}
