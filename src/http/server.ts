/** Listening: the app on a port, closed cleanly (requests finished, database closed) on SIGINT or SIGTERM. */
import type { Context } from '../services/context.js';
import { buildApp } from './app.js';

export const DEFAULT_PORT = 8080;

export interface Listening {
  url: string;
  close(): Promise<void>;
}

export async function listen(ctx: Context, options: { port: number; host: string }): Promise<Listening> {
  const app = await buildApp({ context: ctx });
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return { url: `http://${shown}:${port}/`, close: () => app.close() };
}

/**
 * Resolves once the process is asked to stop, after the server has closed; `first` (the scheduler's stop) is
 * awaited before, while the database is still open.
 */
export function untilStopped(
  server: Listening,
  first: () => Promise<void> = async () => undefined,
): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void first()
        .then(() => server.close())
        .then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
