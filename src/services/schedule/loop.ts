/**
 * The server's scheduler: every tick it runs the jobs (schedule/jobs.ts) one after another; a tick that is still
 * running when the next comes is not doubled. Its timer does not hold the process open; stopping tells the jobs to
 * start nothing more and waits for what they are doing (one channel's collection per worker).
 * `AQPARAT_SCHEDULER=off` keeps it from starting (tests that do not want it), `on` starts it where it is off by
 * default (`aqparat start`, whose demo channels hold real organizations' addresses that a newcomer's first run
 * should not fetch); `AQPARAT_SCHEDULER_TICK_MS` sets the tick (a minute).
 */
import type { Context } from '../context.js';
import { JOBS, type ScheduledJob } from './jobs.js';

export const DEFAULT_TICK_MS = 60_000;

export interface Scheduler {
  stop(): Promise<void>;
}

/** Whether the environment lets the scheduler run, and its tick. */
export function schedulerSettingsOf(
  env: NodeJS.ProcessEnv,
  byDefault = true,
): { enabled: boolean; tickMs: number } {
  const tick = Number(env['AQPARAT_SCHEDULER_TICK_MS']);
  const asked = (env['AQPARAT_SCHEDULER'] ?? '').toLowerCase();
  return {
    enabled: asked === 'off' ? false : asked === 'on' ? true : byDefault,
    tickMs: Number.isFinite(tick) && tick > 0 ? tick : DEFAULT_TICK_MS,
  };
}

/** Starts ticking now; each job's failure is logged and the others still run. */
export function startScheduler(
  ctx: Context,
  tickMs: number,
  jobs: readonly ScheduledJob[] = JOBS,
): Scheduler {
  let running: Promise<void> | undefined;
  const stopping = new AbortController();
  const tick = () => {
    if (running || stopping.signal.aborted) return;
    running = (async () => {
      for (const job of jobs) {
        if (stopping.signal.aborted) break;
        try {
          await job.run(ctx, stopping.signal);
        } catch (error) {
          ctx.log.error({ job: job.name, err: error }, 'scheduled job failed');
        }
      }
    })().finally(() => (running = undefined));
  };
  const timer = setInterval(tick, tickMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopping.abort();
      clearInterval(timer);
      await running;
    },
  };
}
