// Preloaded into a child process (NODE_OPTIONS=--import): writes its peak resident memory, in kilobytes, on exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () =>
  writeFileSync(process.env.AQPARAT_RSS_FILE ?? '', String(process.resourceUsage().maxRSS)),
);
