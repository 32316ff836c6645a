/** What the parent asks of an import child and what the child answers: shared by both sides' children. */
import { MB } from './figures.js';

export interface ImportTask {
  /** The export to read. */
  file: string;
  /** A fresh database (a SQLite file, a postgres:// URL) the parent made for this run. */
  db: string;
  /** The product only: whether content analysis labels the posts as they are stored. */
  analyze?: boolean;
}

export interface ImportRun {
  /** Bytes of the file read in `seconds`: all of it once the run is over. */
  bytes: number;
  seconds: number;
  /** The process' peak RSS over its whole life so far, and its RSS just before the import started. */
  peakMb: number;
  startMb: number;
  /** Rows stored; null while the run goes on (or when it was cut short). */
  rows: number | null;
}

/** Peak RSS so far (`maxRSS` is in kilobytes). */
export const peakMb = () => (process.resourceUsage().maxRSS * 1024) / MB;

export const rssMb = () => process.memoryUsage.rss() / MB;
