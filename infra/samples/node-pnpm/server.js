const fastify = require('fastify')({ logger: true });

const port = Number(process.env.PORT || 3000);

fastify.get('/health', async () => ({ status: 'UP' }));
fastify.get('/', async (request, reply) => reply.type('text/plain').send('hello from node-pnpm\n'));

// Fastify listens on localhost unless told otherwise; a container must listen on all interfaces.
fastify.listen({ port, host: '0.0.0.0' }).catch((error) => {
  fastify.log.error(error);
  process.exit(1);
});
process.on('SIGTERM', () => fastify.close().then(() => process.exit(0)));
