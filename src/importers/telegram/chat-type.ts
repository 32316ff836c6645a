/**
 * What kind of chat a Telegram export holds, from its `type`. A union's channel is almost always a channel; a
 * group's or a personal chat's messages imported as a channel's publications would count people's talk as posts,
 * so such a chat is imported only when the user confirms its type.
 */
import { DomainError } from '../../domain/errors.js';
import { CHAT_TYPE_REFUSALS } from '../../shared/messages.js';
import type { ChatHeader } from './parse.js';

export type ChatKind = 'channel' | 'group' | 'personal' | 'other';

const KINDS: Readonly<Record<string, ChatKind>> = {
  public_channel: 'channel',
  private_channel: 'channel',
  private_group: 'group',
  private_supergroup: 'group',
  public_supergroup: 'group',
  personal_chat: 'personal',
  bot_chat: 'personal',
  saved_messages: 'personal',
};

export function chatKindOf(type: string | undefined): ChatKind {
  return (type !== undefined && KINDS[type]) || 'other';
}

/** Refuses a chat that is no channel, unless its type was confirmed (`--accept-chat-type`, `acceptChatType`). */
export function checkChatType(chat: ChatHeader, file: string, accepted: boolean): void {
  const kind = chatKindOf(chat.type);
  if (kind === 'channel' || accepted) return;
  throw new DomainError(CHAT_TYPE_REFUSALS[kind], { file, chat: chat.name ?? '—', type: chat.type ?? '—' });
}
