# Image of one platform service, built by `./paas compose-images`. Its context holds the module's jar and the JVM option
# files of infra/jvm/ (service.options and the module's own as module.options), so a container runs with the same
# options as `./paas up`; PAAS_JAVA_OPTS, when set, is appended (later options win).
#   (./paas compose-images assembles the context; by hand: a directory with service.jar, service.options, module.options)
ARG JRE_TAG=25
FROM paas/jre:${JRE_TAG}
WORKDIR /app
COPY service.options module.options /app/jvm/
COPY service.jar /app/service.jar
# Two malloc arenas instead of up to eight per core: see infra/jvm/service.options.
ENV MALLOC_ARENA_MAX=2 PAAS_JAVA_OPTS=""
ENTRYPOINT ["/bin/sh", "-c", "exec java @/app/jvm/service.options @/app/jvm/module.options $PAAS_JAVA_OPTS -jar /app/service.jar"]
