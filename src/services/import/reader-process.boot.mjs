// The entry of the reading process and of the import process: the sources are TypeScript run without a build,
// so it registers tsx before importing its module (named by the parent, which knows where the sources are).
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
