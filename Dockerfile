# syntax=docker/dockerfile:1
# paperboy: build with dev dependencies, run with production ones only.

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles its native addon from source when no prebuilt binary can be fetched.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off for the install (our `prepare` needs the sources, copied below); the native addons
# are then built explicitly.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3 esbuild
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY config ./config
COPY app ./app
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
# PORT: the public port (Slack's request URL, a bare liveness /healthz), on all interfaces.
# OPS_PORT: the detailed /healthz and /metrics, on the container's loopback (OPS_HOST) unless
# opened on purpose; the HEALTHCHECK below runs inside the container and reads it there.
# The archive: data/paperboy.db under /app, which is the /data volume (linked below), unless
# DATABASE_URL names a PostgreSQL server (replicas: docker-compose.example.yml). PAPERBOY_DB is
# left unset here: it would win over DATABASE_URL.
ENV NODE_ENV=production \
    PORT=3000 \
    OPS_PORT=9464
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY samples ./samples
COPY config/paperboy.example.json ./config/paperboy.example.json
RUN mkdir -p /data && chown node:node /data && ln -s /data /app/data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.OPS_PORT||9464)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/paperboy.js", "serve"]
