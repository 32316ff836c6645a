/** Every group of routes under /api/v1, one a line. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditRoutes } from './audit.routes.js';
import { briefScheduleRoutes } from './brief-schedules.routes.js';
import { briefRoutes } from './briefs.routes.js';
import { channelActivityRoutes } from './channel-activity.routes.js';
import { channelTokenRoutes } from './channel-token.routes.js';
import { collectRoutes } from './collect.routes.js';
import { exportRoutes } from './exports.routes.js';
import { engagementRoutes } from './engagement.routes.js';
import { importRoutes } from './imports.routes.js';
import { measureRoutes } from './measures.routes.js';
import { organizationRoutes } from './organizations.routes.js';
import { postCheckRoutes } from './post-check.routes.js';
import { postRoutes } from './posts.routes.js';
import { publicationRoutes } from './publications.routes.js';
import { rankingRoutes } from './rankings.routes.js';
import { registryRoutes } from './registry.routes.js';
import { sessionRoutes } from './session.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { userRoutes } from './users.routes.js';

export const ROUTES: readonly FastifyPluginAsyncZod[] = [
  sessionRoutes,
  userRoutes,
  organizationRoutes,
  registryRoutes,
  channelTokenRoutes,
  collectRoutes,
  auditRoutes,
  briefRoutes,
  briefScheduleRoutes,
  settingsRoutes,
  importRoutes,
  publicationRoutes,
  postCheckRoutes,
  postRoutes,
  measureRoutes,
  exportRoutes,
  rankingRoutes,
  channelActivityRoutes,
  engagementRoutes,
];
