# Image of one platform service, built by `./paas compose-images` from infra/images/ (context: the module's target/ directory).
#   docker build -f infra/images/service.Dockerfile --build-arg JAR=build-service-0.1.0-SNAPSHOT.jar -t paas/build-service:local build-service/target
ARG JRE_TAG=25
FROM paas/jre:${JRE_TAG}
ARG JAR
WORKDIR /app
COPY ${JAR} /app/service.jar
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=60"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
