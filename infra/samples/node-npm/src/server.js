const express = require('express');
const morgan = require('morgan');
const build = require('./build-info.json');

const port = Number(process.env.PORT || 3000);
const app = express();

app.use(morgan('tiny'));
app.get('/health', (req, res) => res.json({ status: 'UP' }));
app.get('/', (req, res) => res.type('text/plain').send(`hello from node-npm (built ${build.builtAt})\n`));

const server = app.listen(port, () => console.log(`node-npm listening on port ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
