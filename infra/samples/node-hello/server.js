const http = require('http');

const port = Number(process.env.PORT || 3000);
const greeting = process.env.GREETING;
const message = 'hello from node' + (greeting ? ' ' + greeting : '');

const server = http.createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"status":"UP"}\n');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(message + '\n');
});

server.listen(port, () => console.log(`node-hello listening on port ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
