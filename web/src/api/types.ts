/**
 * Shapes of the API's answers, as the server's routes declare them: the zod schemas of src/shared, one contract
 * for the server, its API document and the web application. Here only the names the web gives them.
 */
import type { RegistryRows as AnswerRows } from '../../../src/shared/records.schema.js';

export type { Action, Session, User } from '../../../src/shared/account.schema.js';
export type {
  ChannelFigure,
  Organization,
  OrganizationFigures,
} from '../../../src/shared/organization.schema.js';
export type { Page, TokenStatus } from '../../../src/shared/records.schema.js';

/** The plain records the web application lists and edits in tables. */
export type RegistryRows = Pick<
  AnswerRows,
  | 'channels'
  | 'audience'
  | 'outlets'
  | 'mentions'
  | 'subscriptions'
  | 'materials'
  | 'events'
  | 'decisions'
  | 'tasks'
>;
export type RegistryKind = keyof RegistryRows;
export type ChannelRow = RegistryRows['channels'];
export type AudienceRow = RegistryRows['audience'];
export type TaskRow = RegistryRows['tasks'];
