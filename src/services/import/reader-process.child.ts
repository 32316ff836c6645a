/**
 * The reading of imports, in a process of its own: for each task it opens the source (file, folder, ZIP or URL),
 * chooses a Telegram full export's chat, parses and maps every entry, and sends the items in batches to the
 * import's process, never more than its credits ahead. Whatever a file does to a parser (never settle, loop,
 * grow), it does it here, where the import's process can stop it; the database is never touched from here.
 * A process that finished a task cleanly waits for the next one.
 */
import { basename } from 'node:path';
import { modelFromParams } from '../../analysis/classify.js';
import { DomainError } from '../../domain/errors.js';
import { isFullTelegramExport, READERS } from '../../importers/registry.js';
import type { SheetHeader } from '../../importers/sheet/map.js';
import { checkChatType } from '../../importers/telegram/chat-type.js';
import { chatMatches, describeChats } from '../../importers/telegram/map.js';
import { type ChatHeader, listTelegramChats } from '../../importers/telegram/parse.js';
import type { Mapped } from '../../importers/types.js';
import { type Prepared, prepare } from '../labels.js';
import type { FromReader, ReadTask, ToReader } from './reader-process.protocol.js';
import { openSource, type SourceEntry } from './source.js';

/** Items a batch holds at most: one message per few hundred records keeps copying cheap and memory flat. */
const BATCH_ITEMS = 500;

if (!process.send) throw new Error('reader-process.child runs only as a child process');
const send = (message: FromReader) => process.send?.(message);

let credits = 0;
let granted: (() => void) | undefined;
process.on('message', (message: ToReader) => {
  if ('task' in message) {
    void read(message.task);
    return;
  }
  credits += message.credits;
  granted?.();
  granted = undefined;
});
// The import's process going away ends this one.
process.on('disconnect', () => process.exit(0));

/** Waits until the import's process may take one more batch. */
async function credit(): Promise<void> {
  while (credits <= 0) await new Promise<void>((resolve) => (granted = resolve));
  credits -= 1;
}

/** The chat of a Telegram full export to import: the one asked for, the only one, or the channel's namesake. */
async function chooseChat(entry: SourceEntry, channelName: string | undefined): Promise<string | undefined> {
  if (entry.reader !== 'telegram' || !isFullTelegramExport(entry.sniff)) return undefined;
  const chats = await listTelegramChats(await entry.open(), entry.name);
  const found =
    chats.length === 1
      ? chats
      : chats.filter((chat) => channelName !== undefined && chatMatches(chat, channelName));
  const [chat] = found;
  if (found.length !== 1 || !chat) {
    throw new DomainError('import_chat_choice', { file: entry.name, chats: describeChats(chats) });
  }
  return String(chat.id ?? chat.name);
}

function describe(error: unknown, reading: { file: string; format: string }): FromReader {
  if (error instanceof DomainError) {
    return {
      type: 'error',
      error: { code: error.code, params: error.params, record: error.record, fields: [...error.fields] },
    };
  }
  // A parser's own failure is the file's: the user is told which file, the log keeps the stack.
  const detail = error instanceof Error ? error.message : String(error);
  return {
    type: 'error',
    error: { code: 'import_file_unreadable', params: { ...reading, detail }, fields: [] },
    stack: error instanceof Error ? error.stack : undefined,
  };
}

async function read(task: ReadTask): Promise<void> {
  credits = 0;
  /** The entry being read, for the message of a parser's own failure. */
  let reading = { file: basename(task.target), format: '' };
  let source;
  try {
    source = await openSource(task.target, task.platform);
  } catch (error) {
    send(describe(error, reading));
    return;
  }
  let items: Mapped[] = [];
  let done = 0;
  let header: SheetHeader | undefined;
  const { labelling } = task;
  const model = labelling?.model && modelFromParams(labelling.model);
  /** The new posts' labels, computed here while the import's process stores the batches before. */
  const prepared = (batch: readonly Mapped[]): (Prepared | null)[] | undefined =>
    labelling &&
    batch.map((item) =>
      item.kind === 'draft' && item.draft.target === 'publication'
        ? prepare(item.draft, model, labelling.key.declarativeBelow)
        : null,
    );
  const flush = async () => {
    const labels = prepared(items);
    await credit();
    send({
      type: 'batch',
      items,
      done,
      ...(header ? { header } : {}),
      ...(labels ? { prepared: labels } : {}),
    });
    items = [];
    header = undefined;
  };
  try {
    reading = { file: source.name, format: source.entries[0]?.reader.toUpperCase() ?? '' };
    const [first] = source.entries;
    const chat = task.chat ?? (first ? await chooseChat(first, task.channelName) : undefined);
    send({
      type: 'opened',
      name: source.name,
      entries: source.entries.map((entry) => ({
        name: entry.name,
        reader: entry.reader,
        format: READERS[entry.reader].format,
        size: entry.size,
      })),
      ...(chat ? { chat } : {}),
    });
    for (const entry of source.entries) {
      reading = { file: entry.name, format: entry.reader.toUpperCase() };
      const bytes = (async function* () {
        for await (const chunk of await entry.open()) {
          done += (chunk as Buffer).length;
          yield chunk as Buffer;
        }
      })();
      const options = {
        file: entry.name,
        ...(chat ? { chat } : {}),
        ...(task.channelUrl ? { channelUrl: task.channelUrl } : {}),
        onSheetHeader: (found: SheetHeader) => (header = found),
        onChat: (found: ChatHeader) => checkChatType(found, entry.name, task.acceptChatType === true),
      };
      for await (const batch of READERS[entry.reader].read(bytes, options)) {
        for (const item of batch) items.push(item);
        if (items.length >= BATCH_ITEMS) await flush();
      }
    }
    await flush();
    send({ type: 'end', hash: await source.hash() });
  } catch (error) {
    // What was read before the failure is stored as whole chunks, as a rerun expects; then the failure is told,
    // with the file's hash where it can be taken: the batch keeps it.
    if (items.length > 0) await flush();
    const hash = await source.hash().catch(() => '');
    send({ ...describe(error, reading), hash } as FromReader);
  } finally {
    source.close();
  }
}
