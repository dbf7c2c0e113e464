# The floor for infra/samples/vite-static: build with Vite, serve dist/ with nginx.
FROM paas/node:18 AS build
# The host's CA bundle (a TLS-intercepting proxy), as the platform's builds get it (PAAS_BUILD_EXTRA_CA).
COPY extra-ca.crt /usr/local/share/ca-certificates/extra-ca.crt
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/extra-ca.crt
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM paas/nginx:bookworm
COPY --from=build /app/dist/ /usr/share/nginx/html/
EXPOSE 80
