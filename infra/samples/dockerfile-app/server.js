const http = require('http');

const port = Number(process.env.PORT || 8080);

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"status":"UP"}\n');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('hello from dockerfile\n');
});

server.listen(port, () => console.log(`dockerfile-app listening on port ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
