/**
 * Configuration is read from the environment once, at start-up. Every problem is listed in one message,
 * so a half-configured server never starts. README.md documents each variable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  publicUrl: string;
  /** Server processes sharing the port (`serve --workers`): 1, a number, or 'auto' (one per core). */
  workers: string;
  siteName: string;
  secretKey: Buffer;
  secretKeySource: 'env' | 'file';
  trustProxy: boolean;
  cookieSecure: 'auto' | boolean;
  logLevel: string;
  maxUploadBytes: number;
  /** Default on: the reply clock stops while a fee notice is outstanding (rules.md §3.2, not law: configurable). */
  suspendDuringFeeNotice: boolean;
  security: {
    maxFailedLogins: number;
    lockoutMinutes: number;
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    passwordMinLength: number;
  };
  rateLimit: { loginPerMinute: number; publicWritePerMinute: number };
  /** Outgoing mail to applicants; without smtpUrl messages stay queued in mail_outbox. */
  mail: { smtpUrl: string | undefined; from: string | undefined };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误 (configuration problems):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const CONFIG_VARIABLES: { name: string; default: string; meaning: string }[] = [
  { name: 'GONGKAI_DATA_DIR', default: './data', meaning: 'Data directory: SQLite file, attachments, generated key. `--data DIR` overrides it.' },
  { name: 'DATABASE_URL', default: '(unset: SQLite)', meaning: 'postgres://user@host:5432/db to use PostgreSQL instead of SQLite.' },
  { name: 'HOST', default: '127.0.0.1', meaning: 'Interface to listen on (0.0.0.0 for all).' },
  { name: 'PORT', default: '3000', meaning: 'HTTP port. `gongkai serve --port N` overrides it.' },
  { name: 'GONGKAI_WORKERS', default: '1', meaning: 'Server processes sharing the port: a number or auto (one per core). `serve --workers` overrides it.' },
  { name: 'GONGKAI_PUBLIC_URL', default: 'http://localhost:PORT', meaning: 'Public base URL, used in QR codes and links.' },
  { name: 'GONGKAI_SITE_NAME', default: '政府信息公开平台', meaning: 'Platform name shown in page titles.' },
  { name: 'GONGKAI_SECRET_KEY', default: '(generated into DATA_DIR/secret.key)', meaning: '32-byte key (64 hex chars or base64) encrypting secrets and personal data at rest.' },
  { name: 'GONGKAI_TRUST_PROXY', default: 'false', meaning: 'true behind a reverse proxy: client IP and https from X-Forwarded-*.' },
  { name: 'GONGKAI_COOKIE_SECURE', default: 'auto', meaning: 'Secure flag on session cookies: auto (when the request is https), true or false.' },
  { name: 'LOG_LEVEL', default: 'info', meaning: 'pino log level (fatal, error, warn, info, debug, silent).' },
  { name: 'GONGKAI_MAX_UPLOAD_MB', default: '20', meaning: 'Largest accepted upload.' },
  { name: 'GONGKAI_FEE_NOTICE_SUSPENDS_CLOCK', default: 'true', meaning: 'Whether the reply period stops while a fee notice is outstanding (a default, not statute).' },
  { name: 'GONGKAI_LOGIN_MAX_FAILURES', default: '5', meaning: 'Failed logins in a row before the account locks.' },
  { name: 'GONGKAI_LOCKOUT_MINUTES', default: '15', meaning: 'How long a locked account stays locked.' },
  { name: 'GONGKAI_SESSION_IDLE_MINUTES', default: '30', meaning: 'Idle time after which a session ends.' },
  { name: 'GONGKAI_SESSION_MAX_HOURS', default: '12', meaning: 'Absolute session lifetime.' },
  { name: 'GONGKAI_PASSWORD_MIN_LENGTH', default: '10', meaning: 'Minimum password length (three of four character classes are always required).' },
  { name: 'GONGKAI_RATE_LOGIN_PER_MINUTE', default: '10', meaning: 'Login attempts per client IP per minute.' },
  { name: 'GONGKAI_RATE_PUBLIC_WRITE_PER_MINUTE', default: '20', meaning: 'Public form submissions per client IP per minute.' },
  { name: 'SMTP_URL', default: '(unset: mail disabled)', meaning: 'smtp://user:pass@host:587 (STARTTLS when offered) or smtps://user:pass@host:465 for notifications to applicants. Unset: messages stay queued.' },
  { name: 'GONGKAI_MAIL_FROM', default: '(required with SMTP_URL)', meaning: 'Sender of those messages, e.g. `安澜市政府信息公开 <gk@anlan.gov.cn>`.' },
];

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { dataDir?: string; port?: number } = {}): Config {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${raw}: 应为 ${min}–${max} 之间的整数 (must be an integer from ${min} to ${max})`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return def;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name}=${env[name]}: 应为 true 或 false`);
    return def;
  };

  const dataDir = path.resolve(overrides.dataDir ?? env.GONGKAI_DATA_DIR ?? './data');
  const port = overrides.port ?? int('PORT', 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl) {
    try {
      const u = new URL(databaseUrl);
      if (!['postgres:', 'postgresql:'].includes(u.protocol)) problems.push('DATABASE_URL: 只支持 postgres:// 地址 (only postgres:// URLs are supported)');
    } catch {
      problems.push('DATABASE_URL: 不是有效的地址 (not a valid URL)');
    }
  }
  const publicUrl = (env.GONGKAI_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('GONGKAI_PUBLIC_URL: 应以 http:// 或 https:// 开头');
  const cookieRaw = (env.GONGKAI_COOKIE_SECURE ?? 'auto').toLowerCase();
  const cookieSecure = cookieRaw === 'auto' ? 'auto' : cookieRaw === 'true' ? true : cookieRaw === 'false' ? false : (problems.push('GONGKAI_COOKIE_SECURE: 应为 auto、true 或 false'), 'auto' as const);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}: 未知的日志级别`);

  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl) {
    try {
      const u = new URL(smtpUrl);
      if (!['smtp:', 'smtps:'].includes(u.protocol) || !u.hostname) problems.push('SMTP_URL: 应为 smtp://用户名:密码@主机:端口 或 smtps://… (must be an smtp:// or smtps:// URL)');
    } catch {
      problems.push('SMTP_URL: 不是有效的地址 (not a valid URL)');
    }
  }
  const mailFrom = env.GONGKAI_MAIL_FROM?.trim() || undefined;
  // A bare address or "显示名称 <address>": the address part must look like one.
  if (mailFrom && !/^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/.test(mailFrom)) problems.push(`GONGKAI_MAIL_FROM=${mailFrom}: 不是有效的发件人地址`);
  if (smtpUrl && !mailFrom) problems.push('GONGKAI_MAIL_FROM: 设置 SMTP_URL 时必须同时设置发件人地址 (required when SMTP_URL is set)');

  let secretKey = Buffer.alloc(0);
  let secretKeySource: Config['secretKeySource'] = 'env';
  if (env.GONGKAI_SECRET_KEY) {
    const raw = env.GONGKAI_SECRET_KEY.trim();
    secretKey = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
    if (secretKey.length !== 32) problems.push('GONGKAI_SECRET_KEY: 应为32字节密钥（64位十六进制或 base64）');
  } else {
    secretKeySource = 'file';
  }

  const config: Config = {
    dataDir,
    databaseUrl,
    host: env.HOST || '127.0.0.1',
    port,
    publicUrl,
    workers: env.GONGKAI_WORKERS || '1',
    siteName: env.GONGKAI_SITE_NAME || '政府信息公开平台',
    secretKey,
    secretKeySource,
    trustProxy: bool('GONGKAI_TRUST_PROXY', false),
    cookieSecure,
    logLevel,
    maxUploadBytes: int('GONGKAI_MAX_UPLOAD_MB', 20, 1, 2048) * 1024 * 1024,
    suspendDuringFeeNotice: bool('GONGKAI_FEE_NOTICE_SUSPENDS_CLOCK', true),
    security: {
      maxFailedLogins: int('GONGKAI_LOGIN_MAX_FAILURES', 5, 1, 100),
      lockoutMinutes: int('GONGKAI_LOCKOUT_MINUTES', 15, 1, 24 * 60),
      sessionIdleMinutes: int('GONGKAI_SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
      sessionMaxHours: int('GONGKAI_SESSION_MAX_HOURS', 12, 1, 24 * 30),
      passwordMinLength: int('GONGKAI_PASSWORD_MIN_LENGTH', 10, 8, 64),
    },
    rateLimit: {
      loginPerMinute: int('GONGKAI_RATE_LOGIN_PER_MINUTE', 10, 1, 10000),
      publicWritePerMinute: int('GONGKAI_RATE_PUBLIC_WRITE_PER_MINUTE', 20, 1, 10000),
    },
    mail: { smtpUrl, from: mailFrom },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** With no key in the environment, the embedded install keeps one in the data directory (mode 0600). */
export function ensureSecretKey(config: Config): void {
  if (config.secretKeySource === 'env') return;
  const file = path.join(config.dataDir, 'secret.key');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  const raw = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(raw)) throw new ConfigError([`${file}: 密钥文件已损坏 (corrupt key file)`]);
  config.secretKey = Buffer.from(raw, 'hex');
}
