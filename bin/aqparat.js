#!/usr/bin/env -S node --max-old-space-size=1024
// Runs the TypeScript sources directly: no build step between a checkout and a working command.
// The heap limit is V8's signal to grow the heap as a memory-constrained process does: on a machine with many
// gigabytes, its default limit lets garbage pile up (an import of 150 MB peaked at 260 MB of RSS, 195 MB with
// the limit, at the same speed). The heaviest command, the national demo, peaks at 300 MB.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
