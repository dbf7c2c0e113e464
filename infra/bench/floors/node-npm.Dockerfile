# The floor for infra/samples/node-npm: what a careful person would write by hand for this app.
FROM paas/node:18
# The host's CA bundle (a TLS-intercepting proxy), as the platform's builds get it (PAAS_BUILD_EXTRA_CA).
COPY extra-ca.crt /usr/local/share/ca-certificates/extra-ca.crt
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/extra-ca.crt
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "dist/server.js"]
