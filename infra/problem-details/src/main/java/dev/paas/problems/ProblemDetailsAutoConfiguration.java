package dev.paas.problems;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * Gives a servlet service the platform's problem details: adding the dependency is all it takes. Placed before
 * Spring MVC's auto-configuration so that Boot's own problem handler, which backs off when another exists, never
 * competes with it. The reactive gateway only uses {@link Problems}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler")
@Import(ProblemDetailsHandler.class)
public class ProblemDetailsAutoConfiguration {
}
