// The reading thread's entry: the sources are TypeScript run without a build, and a thread does not inherit the
// loader its parent was started with, so it registers tsx before importing its module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
