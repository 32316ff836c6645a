/** The messages between an import's process and its reading process (reader-process.ts and its child). */
import type { ReaderName } from '../../importers/registry.js';
import type { SheetHeader } from '../../importers/sheet/map.js';
import type { Mapped } from '../../importers/types.js';
import type { LearnedModelParams } from '../../analysis/classify.js';
import type { FieldIssue } from '../../shared/field-issue.js';
import type { ErrorCode } from '../../shared/messages.js';
import type { ImportFormat, Platform } from '../../shared/vocabulary.js';
import type { LabellingKey, Prepared } from '../labels.js';

/** What to read: what `openSource` takes, and what choosing a chat and mapping need to know. */
export interface ReadTask {
  /** A file, a folder, a ZIP, or an http(s) URL. */
  target: string;
  /** Picks the posts of an archive that holds several networks'. */
  platform?: Platform;
  /** A Telegram full export's chat, by name or id. */
  chat?: string;
  /** The channel's name: a full export's chat named like it is chosen. */
  channelName?: string;
  /** The channel's address: Telegram posts get links under it. */
  channelUrl?: string;
  /** Import a Telegram chat that is no channel (a group, a personal chat): the user confirmed its type. */
  acceptChatType?: boolean;
  /**
   * What labels the new posts, when the import analyses them: the reader labels them and takes their band keys
   * on its own core, beside the storing (see PreparedLabels).
   */
  labelling?: { key: LabellingKey; model?: LearnedModelParams };
}

export interface EntryInfo {
  name: string;
  reader: ReaderName;
  format: ImportFormat;
  size: number;
}

export interface ErrorInfo {
  code: ErrorCode;
  params: Record<string, string | number>;
  record?: string | undefined;
  fields: FieldIssue[];
}

export type FromReader =
  | { type: 'opened'; name: string; entries: EntryInfo[]; chat?: string }
  /**
   * Items in file order; `done`: bytes read so far; `header`: a spreadsheet's kind, once known; `prepared`: with a
   * task's labelling, each publication draft's labels and band keys, by its index in `items`.
   */
  | {
      type: 'batch';
      items: Mapped[];
      done: number;
      header?: SheetHeader;
      prepared?: (Prepared | null)[];
    }
  | { type: 'end'; hash: string }
  | { type: 'error'; error: ErrorInfo; stack?: string | undefined; hash?: string };

/** A task to read; then, batches the import's process is ready to take. */
export type ToReader = { task: ReadTask } | { credits: number };
