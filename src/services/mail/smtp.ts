/** Sending mail through the installation's SMTP server (AQPARAT_SMTP_URL), with nodemailer. */
import nodemailer from 'nodemailer';
import { DomainError } from '../../domain/errors.js';

export const SMTP_URL_SETTING = 'AQPARAT_SMTP_URL';
/** The sender's address; the SMTP server may insist on one of its own domain. */
export const MAIL_FROM_SETTING = 'AQPARAT_MAIL_FROM';
const DEFAULT_FROM = 'aqparat@localhost';

export interface MailAttachment {
  fileName: string;
  content: Buffer | string;
}

export interface Mail {
  to: readonly string[];
  subject: string;
  text: string;
  attachments: readonly MailAttachment[];
}

/** The SMTP server's URL, e.g. `smtp://user:password@mail.example.kz:587`; an error naming the setting if unset. */
export function smtpUrlOf(env: NodeJS.ProcessEnv = process.env): string {
  const url = env[SMTP_URL_SETTING];
  if (!url) {
    throw new DomainError('schedule_smtp_missing', {
      setting: SMTP_URL_SETTING,
      example: 'smtp://user:password@mail.example.kz:587',
    });
  }
  return url;
}

/** Sends one message; the SMTP server's refusal is thrown as nodemailer gives it. */
export async function sendMail(mail: Mail, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const transport = nodemailer.createTransport(smtpUrlOf(env));
  try {
    await transport.sendMail({
      from: env[MAIL_FROM_SETTING] || DEFAULT_FROM,
      to: [...mail.to],
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments.map((file) => ({ filename: file.fileName, content: file.content })),
    });
  } finally {
    transport.close();
  }
}
