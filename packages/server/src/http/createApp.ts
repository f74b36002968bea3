import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import { pickText } from '@aftersales/engine';
import { DomainError } from '../errors/DomainError.js';
import { ApprovalService } from '../services/ApprovalService.js';
import { AuthService } from '../services/AuthService.js';
import { systemClock, type Clock } from '../services/Clock.js';
import { Dashboard } from '../services/Dashboard.js';
import { DeadlineRecompute } from '../services/DeadlineRecompute.js';
import { DefinitionService } from '../services/DefinitionService.js';
import { FileCleanup } from '../services/FileCleanup.js';
import { FileService, type UploadQuota } from '../services/FileService.js';
import { FormValidators } from '../services/FormValidators.js';
import { RecordService } from '../services/RecordService.js';
import { Scheduler } from '../services/clock/Scheduler.js';
import { ApprovalEscalation, DEFAULT_ESCALATION, type EscalationOptions } from '../services/ApprovalEscalation.js';
import type { Store } from '../store/Store.js';
import { PeopleDirectory } from '../services/people/PeopleDirectory.js';
import { Dispatch } from '../services/records/Dispatch.js';
import { MyJobs } from '../services/records/MyJobs.js';
import { ChannelService } from '../services/notices/ChannelService.js';
import { NoticeWorker } from '../services/notices/NoticeWorker.js';
import { createRouter } from './createRouter.js';
import { csrfGuard } from './csrfGuard.js';
import { securityHeaders } from './securityHeaders.js';
import { errorHandler } from './errorHandler.js';
import { apiRoutes } from './routes/apiRoutes.js';
import { apiReferencePage } from './openapi.js';
import type { Services } from './routes/Services.js';

export interface AppOptions {
  store: Store;
  clock?: Clock;
  config?: {
    secureCookies?: boolean;
    staticDir?: string;
    /** Express's `trust proxy` (see Config.trustProxy); off unless configured. */
    trustProxy?: false | number | string[];
    sessionIdleMinutes?: number;
    sessionMaxHours?: number;
    uploadQuota?: UploadQuota;
    orphanUploadHours?: number;
    escalation?: EscalationOptions;
    /** Hosts outbound notices may reach although they are internal addresses (NOTICE_ALLOW_HOSTS). */
    noticeAllowHosts?: string[];
  };
}

export interface App {
  app: Express;
  services: Services;
}

/** The composition root: services on a store and a clock, the route table, the designer as static files. */
export function createApp(options: AppOptions): App {
  const clock = options.clock ?? systemClock;
  const { store } = options;
  const definitions = new DefinitionService(store, clock);
  const people = new PeopleDirectory(store, store.storeNames);
  const records = new RecordService(store, definitions, clock, people);
  const escalation = new ApprovalEscalation(store, definitions, clock, options.config?.escalation ?? DEFAULT_ESCALATION);
  const services: Services = {
    store,
    clock,
    auth: new AuthService(store, clock, {
      sessions: {
        ...(options.config?.sessionIdleMinutes ? { idleMinutes: options.config.sessionIdleMinutes } : {}),
        ...(options.config?.sessionMaxHours ? { maxHours: options.config.sessionMaxHours } : {}),
      },
    }),
    definitions,
    records,
    approvals: new ApprovalService(store, clock, escalation, async (id) => {
      const label = (await definitions.publishedPack()).roles?.definition.roles.find((r) => r.id === id)?.label;
      return label ? { 'zh-CN': pickText(label, 'zh-CN'), en: pickText(label, 'en') } : { 'zh-CN': id, en: id };
    }),
    files: new FileService(store, clock, options.config?.uploadQuota),
    fileCleanup: new FileCleanup(store, clock, options.config?.orphanUploadHours),
    validators: new FormValidators(store),
    dashboard: new Dashboard(store, clock),
    scheduler: new Scheduler(store, clock),
    deadlineRecompute: new DeadlineRecompute(store, clock),
    escalation,
    secureCookies: options.config?.secureCookies ?? false,
    people,
    dispatch: new Dispatch(records, definitions, people, clock),
    myJobs: new MyJobs(store, definitions),
    channels: new ChannelService(store, clock, options.config?.noticeAllowHosts ?? []),
    notices: new NoticeWorker(store, clock, { allowHosts: options.config?.noticeAllowHosts ?? [] }),
  };
  // A published calendar moves open deadlines (in the background; see DeadlineRecompute).
  definitions.onChange = () => services.deadlineRecompute.kick();
  const app = express();
  app.disable('x-powered-by');
  // X-Forwarded-Proto (req.secure: HSTS, Secure cookies) and -For count only from a configured proxy.
  app.set('trust proxy', options.config?.trustProxy ?? false);
  app.use(securityHeaders());
  // API answers carry people's data and live state: never stored by a cache (Cache-Control below),
  // so an ETag (a SHA-1 over every body) would serve nothing.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use((_req, res, next) => {
    res.set({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin', 'X-Frame-Options': 'DENY' });
    next();
  });
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // Cookies only matter to a caller without an Authorization header (see authenticate).
  const cookies = cookieParser();
  app.use('/api', express.json({ limit: '1mb', strict: false }), (req, res, next) =>
    req.headers.authorization ? next() : cookies(req, res, next),
  );
  app.use('/api', csrfGuard);
  const routes = apiRoutes(services);
  app.get('/api/docs', (_req, res) => res.type('html').send(apiReferencePage(routes)));
  app.use('/api/v1', createRouter(routes, services.auth));
  app.use('/api', (req) => {
    throw new DomainError('request.noRoute', { method: req.method, path: req.originalUrl });
  });
  const staticDir = options.config?.staticDir;
  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    app.use(express.static(staticDir, { index: 'index.html', maxAge: '1h' }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(join(staticDir, 'index.html')));
  }
  app.use(errorHandler);
  return { app, services };
}
