# syntax=docker/dockerfile:1.7
# One image per service, built from the repository root:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=case -t pandawa/case .
# Services run their TypeScript through tsx on Node 24 LTS; OpenTelemetry is loaded before the
# app (`--import`), and configured only by OTEL_* variables at run time.

FROM node:24-bookworm-slim AS deps
ARG SERVICE
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/ packages/
COPY protos/ protos/
COPY services/${SERVICE}/ services/${SERVICE}/
# Only this service's production dependencies (and the shared packages it uses).
RUN npm ci --omit=dev --workspace "services/${SERVICE}" --no-audit --no-fund \
 && npm cache clean --force

FROM node:24-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production \
    OTEL_SERVICE_NAME=${SERVICE}
WORKDIR /app
COPY --from=deps --chown=root:root /app /app
WORKDIR /app/services/${SERVICE}
# The unprivileged user of the node image; the root filesystem can be mounted read-only.
USER 1000:1000
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "--import", "@pandawa/telemetry/register", "src/main.ts"]
