# syntax=docker/dockerfile:1
# flight-recorder's image: build the dashboard in one stage, run the service from a slim one as a non-root user.

FROM node:20-slim AS builder
WORKDIR /app
# better-sqlite3 compiles itself when no prebuilt binary fits the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && npm prune --omit=dev

FROM node:20-slim
# NODE_OPTIONS sets the heap size only: no --heapsnapshot-*, no --report-* flags, so no crash artefact can hold
# log text.
ENV NODE_ENV=production \
    FLIGHT_RECORDER_HOST=0.0.0.0 \
    PORT=8080 \
    FLIGHT_RECORDER_DB=/data/flight-recorder.db \
    NODE_OPTIONS=--max-old-space-size=384
WORKDIR /app
# Root owns the code (read-only to the service); the service owns only its data folder.
COPY --from=builder /app /app
COPY deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN chmod 0755 /usr/local/bin/docker-entrypoint.sh && mkdir -p /data && chown node:node /data
EXPOSE 8080
# The entrypoint turns core dumps off, hands the volume (mounted root-owned) to `node`, then drops to `node`.
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["node", "bin/flight-recorder.mjs", "start"]
