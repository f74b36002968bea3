import { api } from '@aftersales/contract';
import type { Route } from '../Route.js';
import { publicRoute } from '../typedRoute.js';
import { openApiDocument } from '../openapi.js';
import { authRoutes } from './authRoutes.js';
import { definitionRoutes, rolesRoute } from './definitionRoutes.js';
import { impactRoutes } from './impactRoutes.js';
import { calendarPreviewRoutes } from './calendarPreviewRoutes.js';
import { fileRoutes } from './fileRoutes.js';
import { fineRoutes } from './fineRoutes.js';
import { packRoutes } from './packRoutes.js';
import { recordRoutes } from './recordRoutes.js';
import type { Services } from './Services.js';
import { workRoutes } from './workRoutes.js';
import { fieldworkRoutes } from './fieldworkRoutes.js';
import { noticeRoutes } from './noticeRoutes.js';
import { linkRoutes } from './linkRoutes.js';

/** The whole route table under /api/v1: every route with its declared access. */
export function apiRoutes(services: Services): Route[] {
  const routes: Route[] = [
    ...authRoutes(services),
    ...definitionRoutes(services, 'forms', 'form'),
    ...definitionRoutes(services, 'rule-sets', 'ruleset'),
    ...definitionRoutes(services, 'calendars', 'calendar'),
    ...calendarPreviewRoutes(services),
    ...impactRoutes(services),
    rolesRoute(services),
    ...packRoutes(services),
    ...recordRoutes(services),
    ...workRoutes(services),
    ...fineRoutes(services),
    ...fileRoutes(services),
    ...fieldworkRoutes(services),
    ...noticeRoutes(services),
    ...linkRoutes(services),
  ];
  routes.push(
    publicRoute(api.pack.openapi, {
      summary: 'This API as an OpenAPI 3.1 document',
      handler: () => Promise.resolve(openApiDocument(routes)),
    }),
  );
  return routes;
}
