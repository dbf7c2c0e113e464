const http = require('http');

const port = Number(process.env.PORT || 3000);

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"status":"UP"}\n');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('hello from monorepo apps/web\n');
});

server.listen(port, () => console.log(`monorepo apps/web listening on port ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
