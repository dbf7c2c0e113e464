package dev.paas.testing;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Reads {@link ServiceComponentTest} into the customizer that registers the test infrastructure. */
final class ServiceComponentTestCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        ServiceComponentTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                ServiceComponentTest.class);
        if (test == null) {
            return null;
        }
        return new ServiceComponentTestCustomizer(test.database(), test.freshDatabase(), List.of(test.defaults()));
    }
}
