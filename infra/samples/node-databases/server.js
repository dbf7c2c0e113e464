// Keeps the value of key "greeting" in the database DATABASE_URL names: GET /value answers it (404 when there is
// none), PUT /value stores the request body, GET /health answers 200. The engine follows the URL's scheme.
const http = require('http');

const KEY = 'greeting';
const port = Number(process.env.PORT || 3000);
const url = process.env.DATABASE_URL || '';
const scheme = url.split(':', 1)[0];

function postgres() {
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: url, max: 2 });
  // an idle connection that breaks (the database restarted or was restored) is dropped; the next query makes another
  pool.on('error', (error) => console.error(`postgresql: ${error.message}`));
  const ready = pool.query('create table if not exists kv (key text primary key, value text)');
  return {
    async get() {
      await ready;
      const result = await pool.query('select value from kv where key = $1', [KEY]);
      return result.rows.length ? result.rows[0].value : null;
    },
    async put(value) {
      await ready;
      await pool.query('insert into kv (key, value) values ($1, $2) '
        + 'on conflict (key) do update set value = excluded.value', [KEY, value]);
    },
  };
}

function mysql() {
  const mysql2 = require('mysql2/promise');
  const pool = mysql2.createPool({ uri: url, connectionLimit: 2 });
  // MySQL cannot make a text column a primary key without a length; the table is otherwise the same
  const ready = pool.query('create table if not exists kv (`key` varchar(255) primary key, value text)');
  return {
    async get() {
      await ready;
      const [rows] = await pool.query('select value from kv where `key` = ?', [KEY]);
      return rows.length ? rows[0].value : null;
    },
    async put(value) {
      await ready;
      await pool.query('insert into kv (`key`, value) values (?, ?) on duplicate key update value = values(value)',
        [KEY, value]);
    },
  };
}

function redis() {
  const { createClient } = require('redis');
  const client = createClient({ url });
  client.on('error', (error) => console.error(`redis: ${error.message}`));
  const ready = client.connect();
  return {
    async get() {
      await ready;
      return client.get(KEY);
    },
    async put(value) {
      await ready;
      await client.set(KEY, value);
    },
  };
}

const engines = { postgresql: postgres, postgres, mysql, redis };
if (!engines[scheme]) {
  console.error(`DATABASE_URL must start with postgresql://, mysql:// or redis:// (got "${scheme}")`);
  process.exit(1);
}
const store = engines[scheme]();

function answer(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const path = req.url.split('?', 1)[0];
  if (path === '/health' && req.method === 'GET') {
    return answer(res, 200, 'ok\n');
  }
  if (path !== '/value') {
    return answer(res, 404, 'not found\n');
  }
  if (req.method === 'GET') {
    return store.get()
      .then((value) => (value === null || value === undefined
        ? answer(res, 404, 'no value\n') : answer(res, 200, value)))
      .catch((error) => { console.error(`get: ${error.message}`); answer(res, 503, 'database unavailable\n'); });
  }
  if (req.method === 'PUT') {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      store.put(Buffer.concat(chunks).toString('utf8'))
        .then(() => answer(res, 204, ''))
        .catch((error) => { console.error(`put: ${error.message}`); answer(res, 503, 'database unavailable\n'); });
    });
    return undefined;
  }
  return answer(res, 405, 'method not allowed\n');
});

server.listen(port, () => console.log(`node-databases (${scheme}) listening on port ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
