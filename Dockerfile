# One image for every part of the federation; docker-compose.yml picks the process with `command`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc turbo.json tsconfig.base.json ./
COPY packages/contract/package.json packages/contract/
COPY packages/kit/package.json packages/kit/
COPY packages/conformance/package.json packages/conformance/
COPY packages/register/package.json packages/register/
COPY schema/package.json schema/
COPY gateway/package.json gateway/
COPY tools/stack/package.json tools/stack/
COPY test/package.json test/
COPY bench/package.json bench/
COPY services/lederne/package.json services/lederne/
COPY services/utdanningsforbundet/package.json services/utdanningsforbundet/
COPY services/fagforbundet/package.json services/fagforbundet/
COPY services/ledarna/package.json services/ledarna/
COPY services/lo/package.json services/lo/
COPY services/cooperation/package.json services/cooperation/
RUN npm ci --no-audit --no-fund || npm install --no-audit --no-fund
COPY . .
RUN npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 4000
CMD ["node", "gateway/dist/main.js"]
