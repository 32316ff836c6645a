/**
 * What the server's scheduler runs on each of its ticks, one line per job, one after another. A job finds what is
 * due itself and claims each due run (schedule/lease.ts), so that several server processes on one database run it
 * once.
 */
import { sendDueBriefs } from '../brief-schedule.service.js';
import { collectChannels } from '../collect.service.js';
import type { Context } from '../context.js';
import { publishDue } from '../plan/publish.service.js';

export interface ScheduledJob {
  name: string;
  /** Does what is due; once `signal` is aborted (the server stops) it starts nothing more. */
  run(ctx: Context, signal: AbortSignal): Promise<void>;
}

export const JOBS: readonly ScheduledJob[] = [
  // First: a post planned for a minute should not wait behind a long collection.
  {
    name: 'publishing',
    run: async (ctx, signal) => {
      await publishDue(ctx, { signal });
    },
  },
  {
    name: 'collections',
    run: async (ctx, signal) => {
      await collectChannels(ctx, { due: true, signal });
    },
  },
  {
    name: 'briefs',
    run: async (ctx, signal) => {
      await sendDueBriefs(ctx, { signal });
    },
  },
];
