// Preloaded into a command's processes (NODE_OPTIONS=--import): on exit, each writes its peak resident memory, in
// kilobytes, where it exceeds what an earlier one wrote, so the file holds the largest of the command and its
// children (the import's reading process).
import { readFileSync, writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.AQPARAT_RSS_FILE ?? '';
  let earlier = 0;
  try {
    earlier = Number(readFileSync(file, 'utf8'));
  } catch {
    // The first process to end.
  }
  writeFileSync(file, String(Math.max(earlier, process.resourceUsage().maxRSS)));
});
