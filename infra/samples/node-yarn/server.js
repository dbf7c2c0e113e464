const Koa = require('koa');
const Router = require('@koa/router');

const port = Number(process.env.PORT || 3000);
const app = new Koa();
const router = new Router();

router.get('/health', (ctx) => { ctx.body = { status: 'UP' }; });
router.get('/', (ctx) => { ctx.type = 'text/plain'; ctx.body = 'hello from node-yarn\n'; });
app.use(router.routes()).use(router.allowedMethods());

const server = app.listen(port, () => console.log(`node-yarn listening on port ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
