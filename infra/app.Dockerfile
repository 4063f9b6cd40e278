# One image per app, built from the app's Spring Boot exec jar. Build the jars first:
#   ./mvnw -B package -DskipTests
# then from the repository root: docker compose -f infra/compose.yaml up --build
FROM eclipse-temurin:21-jre

# curl for the compose health checks
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --system --uid 10001 --no-create-home overdosevarsel
USER overdosevarsel
WORKDIR /app

# alert-ingest, subscriber-api or alert-dispatch
ARG MODULE
COPY ${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/app.jar

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
