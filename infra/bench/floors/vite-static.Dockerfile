# The floor for infra/samples/vite-static: build with Vite, serve dist/ with nginx.
FROM paas/node:18 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM paas/nginx:bookworm
COPY --from=build /app/dist/ /usr/share/nginx/html/
EXPOSE 80
