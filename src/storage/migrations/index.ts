/** Every migration, by name; names sort in the order they run. */
import type { Migration } from 'kysely';
import * as initialModel from './202611260600_initial_model.js';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '202611260600_initial_model': initialModel,
};
