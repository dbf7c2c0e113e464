# The floor for infra/samples/node-npm: what a careful person would write by hand for this app.
FROM paas/node:18
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production PORT=3000
EXPOSE 3000
CMD ["node", "dist/server.js"]
