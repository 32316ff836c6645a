/** The product's server for the HTTP workload, in a process of its own: what `aqparat serve` listens with. */
import { listen, untilStopped } from '../src/http/server.js';
import { openContext } from '../src/services/context.js';
import { answer, taskOf } from './children.js';

const { db } = taskOf<{ db: string }>();
const ctx = await openContext({ db });
const server = await listen(ctx, { port: 0, host: '127.0.0.1' });
answer({ url: server.url });
await untilStopped(server);
await ctx.db.close();
