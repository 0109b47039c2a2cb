/** The one Fastify server: JSON API (/api/v1), OpenAPI (/api/openapi.json, /api/docs), admin app (/admin), portal (/). */
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountRoutes } from './api/accounts.routes.js';
import { attachmentRoutes } from './api/attachments.routes.js';
import { applicationRoutes } from './api/applications.routes.js';
import { calendarRoutes } from './api/calendar.routes.js';
import { noticeRoutes } from './api/notices.routes.js';
import { searchRoutes } from './api/search.routes.js';
import { reportRoutes } from './api/reports.routes.js';
import { reportComparisonRoutes } from './api/report-comparison.routes.js';
import { reportImportRoutes } from './api/report-imports.routes.js';
import { reviewCaseRoutes } from './api/review-cases.routes.js';
import { reportDataRoutes } from './api/report-data.routes.js';
import { auditRoutes } from './api/audit.routes.js';
import { authRoutes } from './api/auth.routes.js';
import { metaRoutes } from './api/meta.routes.js';
import { unitRoutes } from './api/units.routes.js';
import { publicationRoutes } from './api/publications.routes.js';
import { catalogueRoutes } from './api/catalogue.routes.js';
import { publicationReportRoutes } from './api/publication-reports.routes.js';
import { publicationCheckRoutes } from './api/publication-checks.routes.js';
import { offlinePublicationRoutes } from './api/offline-publications.routes.js';
import type { HttpContext } from './context.js';
import { registerAdmin } from './admin-static.js';
import { registerAuth } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerPortal, renderErrorPage } from './portal/portal.routes.js';

export async function buildApp(ctx: HttpContext, opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {}): Promise<FastifyInstance> {
  const { config } = ctx;
  const app = Fastify({
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Structured logs without personal data: no bodies, no query strings, no cookies.
    logger: opts.logger === false ? false : {
      level: config.logLevel,
      ...(opts.logStream ? { stream: opts.logStream } : {}),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
      },
    },
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandling(app, renderErrorPage(ctx));
  registerSecurityHeaders(app, { hsts: true });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.maxUploadBytes, files: 5, fields: 20 } });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, c) => ({ statusCode: 429, error: { code: 'RATE_LIMITED', message: `操作过于频繁，请在 ${Math.ceil(c.ttl / 1000)} 秒后再试` } }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Gongkai 政府信息公开平台 API', version: '1', description: '登录后的请求凭会话 Cookie 认证；修改类请求须带 X-CSRF-Token 请求头（由 /api/v1/auth/session 返回）。' },
      servers: [{ url: config.publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, engine: ctx.engine }));

  registerAuth(app, ctx.deps, config);
  await app.register(async (api) => {
    await api.register(authRoutes(ctx));
    await api.register(metaRoutes(ctx));
    await api.register(unitRoutes(ctx));
    await api.register(accountRoutes(ctx));
    await api.register(auditRoutes(ctx));
    await api.register(attachmentRoutes(ctx));
    await api.register(applicationRoutes(ctx));
    await api.register(calendarRoutes(ctx));
    await api.register(noticeRoutes(ctx));
    await api.register(searchRoutes(ctx));
    await api.register(reportRoutes(ctx));
    await api.register(reportComparisonRoutes(ctx));
    await api.register(reportImportRoutes(ctx));
    await api.register(publicationRoutes(ctx));
    await api.register(catalogueRoutes(ctx));
    await api.register(publicationReportRoutes(ctx));
    await api.register(reviewCaseRoutes(ctx));
    await api.register(reportDataRoutes(ctx));
    await api.register(publicationCheckRoutes(ctx));
    await api.register(offlinePublicationRoutes(ctx));
  }, { prefix: '/api/v1' });

  await registerAdmin(app);
  await registerPortal(app, ctx);
  return app;
}
