/**
 * The HTTP workload's raw baseline, in a process of its own: a bare Fastify answering the dashboard's path with a
 * constant object, the product's own answer, serialized on every request as the product's is.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { answer, taskOf } from './children.js';

const { bodyFile, path } = taskOf<{ bodyFile: string; path: string }>();
const body = JSON.parse(readFileSync(bodyFile, 'utf8')) as object;
const app = Fastify();
app.get(path, async () => body);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
answer({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
process.once('SIGTERM', () => void app.close());
