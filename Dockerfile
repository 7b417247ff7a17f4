# syntax=docker/dockerfile:1
# The hub's image: one image for every role, the command picks it (docker-compose.yml):
#   start | start gateway | start environment|market|credit|finance | migrate | seed | clients ...
# PostgreSQL is external: DATABASE_URL is required (the embedded database is for development only).

# --- build: all dependencies, TypeScript → dist/
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Compiling needs no install scripts; skipping them also skips `prepare`, which needs the sources.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
COPY bench ./bench
RUN npx tsc -b tsconfig.build.json
# The browser pages (/graphiql, /dashboard, /public), bundled into dist/web by Vite.
COPY web ./web
RUN node web/build.mjs

# --- production dependencies only (a layer that changes only with the lockfile)
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

# --- runtime: production dependencies, dist/ and the committed schema (the gateway reads
# schema/supergraph.graphql); owned by root, run as the unprivileged `node` user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY schema ./schema
USER node
EXPOSE 4000
# Ready = the database answers (and, for the gateway, every department): see /readyz in the README.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# A larger young generation: a batch of 1000 codes allocates many short-lived objects (README, performance notes).
ENTRYPOINT ["node", "--max-semi-space-size=64", "bin/ecocredit.js"]
CMD ["start"]
