# ParkFlow image: built from source, runs in profile `prod` (external PostgreSQL and SMTP from the environment;
# see docker-compose.yml for the variables). Tests run in CI (.ci/run), not here: the image build only packages.
#
#   docker build -t parkflow .

# ---- build: Maven + Temurin 17 ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so a source change does not download the world again.
COPY pom.xml ./
RUN mvn -B -ntp -q dependency:go-offline
# The JVM settings of the default run (pom.xml, <parkflow.jvm-options>, the one place they are defined) as a java
# argument file for the runtime stage.
RUN sed -n 's:.*<parkflow.jvm-options>\(.*\)</parkflow.jvm-options>.*:\1:p' pom.xml > jvm.options \
 && test -s jvm.options
COPY src ./src
COPY bpmn ./bpmn
RUN mvn -B -ntp -q -Dmaven.test.skip=true package \
 && cp target/parkflow-*.jar target/parkflow.jar \
 && java -Djarmode=tools -jar target/parkflow.jar extract --layers --launcher --destination /build/extracted

# ---- runtime: Temurin 17 JRE, non-root ----
FROM eclipse-temurin:17-jre
# curl serves the health check only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system parkflow \
 && useradd --system --gid parkflow --home-dir /app --shell /usr/sbin/nologin parkflow
WORKDIR /app
# Layers from the least to the most often changed.
COPY --from=build --chown=parkflow:parkflow /build/extracted/dependencies/ ./
COPY --from=build --chown=parkflow:parkflow /build/extracted/spring-boot-loader/ ./
COPY --from=build --chown=parkflow:parkflow /build/extracted/snapshot-dependencies/ ./
COPY --from=build --chown=parkflow:parkflow /build/extracted/application/ ./
COPY --from=build --chown=parkflow:parkflow /build/jvm.options ./
USER parkflow
ENV SPRING_PROFILES_ACTIVE=prod \
    SERVER_PORT=8080 \
    MALLOC_ARENA_MAX=2
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
# Set heap and bounded metaspace and code cache from jvm.options (peak RSS under 512 MB in the benchmark; see
# docs/benchmarks.md); JAVA_OPTS, given after them, overrides any of them (e.g. JAVA_OPTS=-Xmx512m).
ENTRYPOINT ["sh", "-c", "exec java @/app/jvm.options -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} org.springframework.boot.loader.launch.JarLauncher"]
