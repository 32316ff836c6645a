/** The product's server for the HTTP workload, in a process of its own: what `aqparat serve` listens with. */
import { listen, untilStopped } from '../src/http/server.js';
import { openContext } from '../src/services/context.js';
import { answer, taskOf } from './children.js';

const { db, tmpDir } = taskOf<{ db: string; tmpDir?: string }>();
// Uploads are stored under os.tmpdir(): a folder the parent removes, since a server killed mid-import leaves them.
if (tmpDir) process.env['TMPDIR'] = tmpDir;
const ctx = await openContext({ db });
const server = await listen(ctx, { port: 0, host: '127.0.0.1' });
answer({ url: server.url });
await untilStopped(server);
await ctx.db.close();
