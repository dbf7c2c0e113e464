#!/usr/bin/env node
/**
 * The dashboard's types come from the services' OpenAPI documents, snapshotted in openapi/*.json.
 *
 *   node scripts/openapi.mjs pull   fetches each service's /v3/api-docs and rewrites the snapshot
 *   node scripts/openapi.mjs check  fails (exit 1) when a running service's document differs from the snapshot
 *
 * Base URLs default to the local platform's service ports; override with e.g. PAAS_PROJECT_SERVICE_URL.
 * `npm run build` generates src/api/generated/*.ts from the snapshots, so a renamed field breaks tsc.
 */
import {readFile, writeFile} from 'node:fs/promises';

const SERVICES = {
  'identity-service': 8081,
  'project-service': 8082,
  'build-service': 8083,
  'runtime-service': 8084,
  'database-service': 8085,
  'metrics-service': 8086,
  'billing-service': 8087,
};

function baseUrl(service, port) {
  const variable = `PAAS_${service.toUpperCase().replaceAll('-', '_')}_URL`;
  return process.env[variable] ?? `http://127.0.0.1:${port}`;
}

/** Key order and the servers list (which names the port it was fetched from) do not count as a change. */
function normalise(document) {
  const {servers: _servers, ...rest} = document;
  const sorted = value => Array.isArray(value) ? value.map(sorted)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.keys(value).sort().map(key => [key, sorted(value[key])]))
      : value;
  return JSON.stringify(sorted(rest), null, 2) + '\n';
}

async function fetchDocument(service, port) {
  const url = `${baseUrl(service, port)}/v3/api-docs`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return normalise(await response.json());
}

const mode = process.argv[2];
if (mode !== 'pull' && mode !== 'check') {
  console.error('usage: node scripts/openapi.mjs pull|check [service...]');
  process.exit(2);
}
const only = process.argv.slice(3);
let differs = false;
for (const [service, port] of Object.entries(SERVICES)) {
  if (only.length && !only.includes(service)) continue;
  const file = new URL(`../openapi/${service}.json`, import.meta.url);
  const live = await fetchDocument(service, port);
  if (mode === 'pull') {
    await writeFile(file, live);
    console.log(`openapi/${service}.json updated`);
  } else {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) {
      differs = true;
      console.error(`${service}: no openapi/${service}.json yet; run npm run openapi:pull ${service}`);
      continue;
    }
    const stored = normalise(JSON.parse(text));
    if (stored === live) {
      console.log(`${service}: matches openapi/${service}.json`);
    } else {
      differs = true;
      console.error(`${service}: differs from openapi/${service}.json; run npm run openapi:pull and rebuild`);
    }
  }
}
process.exit(differs ? 1 : 0);
