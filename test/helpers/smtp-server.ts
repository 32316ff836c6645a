/** A local SMTP server for tests: it keeps every message it is sent, parsed, and may be told to refuse them. */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtpServer {
  /** What AQPARAT_SMTP_URL takes. */
  url: string;
  messages: ParsedMail[];
  /** While set, every message is refused with this SMTP reply text. */
  refuse: string | null;
  close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const state: Pick<TestSmtpServer, 'messages' | 'refuse'> = { messages: [], refuse: null };
  const server = new SMTPServer({
    // Plain SMTP on the loopback: no TLS certificate to trust, no account.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (state.refuse) return callback(Object.assign(new Error(state.refuse), { responseCode: 554 }));
          state.messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
