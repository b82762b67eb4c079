import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Boolean environment flags accept the spellings operators actually type. */
const FLAG = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']);
const isOn = (v: z.infer<typeof FLAG>) => ['1', 'true', 'yes', 'on'].includes(v);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  TRUST_PROXY: z.string().optional(),
  DEMO_SEED: FLAG.optional(),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Knooppunt <no-reply@knooppunt.local>'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Absent means the embedded SQLite database in dataDir. */
  databaseUrl: string | undefined;
  logLevel: string;
  sessionTtlHours: number;
  cookieSecure: 'auto' | 'always' | 'never';
  /**
   * Which proxies may say who the client is: false (none: the socket's address counts), a hop count, or the
   * proxies' addresses and CIDR ranges. Never "everyone": a client would pick its own address.
   */
  trustProxy: false | number | string[];
  demoSeed: boolean;
  /** Required in production; links and QR codes are built from it, never from the request's Host header. */
  publicUrl: string | undefined;
  /** Absent: mail is captured in the outbox and readable in the UI instead of being sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  version: string;
  /** Settings that work but that the operator must hear about (logged at start). */
  warnings: string[];
}

export class ConfigError extends Error {}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: a hop count (`1`, `2`) or a list of proxy addresses and ranges; `true` is read as one hop. */
function trustProxySetting(raw: string | undefined, warnings: string[]): false | number | string[] | string {
  const v = raw?.trim().toLowerCase();
  if (v === undefined || ['false', '0', 'no', 'off'].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) {
    warnings.push(
      'TRUST_PROXY=true is read as TRUST_PROXY=1 (one proxy in front): trusting every proxy would let a client choose its own address. Set a hop count or the proxy addresses.',
    );
    return 1;
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? hops : 'a hop count from 1 to 10';
  }
  const entries = v.split(',').map((e) => e.trim());
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  return wrong.length === 0
    ? entries
    : `a hop count or a comma-separated list of proxy addresses or CIDR ranges (not ${wrong.join(', ')})`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, version = '0.0.0'): Config {
  // Empty strings come from `VAR= npm start`; treat them as unset rather than as invalid values.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const warnings: string[] = [];
  const problems: string[] = [];
  const trustProxy = trustProxySetting(e.TRUST_PROXY, warnings);
  if (typeof trustProxy === 'string') problems.push(`  TRUST_PROXY: must be ${trustProxy}`);
  // A forgotten DEMO_SEED must not ship the demo's platform admin, whose password is in the README.
  const demoSeed = e.DEMO_SEED === undefined ? e.NODE_ENV !== 'production' : isOn(e.DEMO_SEED);
  if (e.NODE_ENV === 'production') {
    if (demoSeed) {
      warnings.push(
        'DEMO_SEED=true in production: the demo region and its accounts with the published demo password are loaded. Never do this on a real installation.',
      );
    }
    if (!e.PUBLIC_URL) {
      problems.push('  PUBLIC_URL: required when NODE_ENV=production (links and QR codes are built from it)');
    }
  }
  if (problems.length > 0 || typeof trustProxy === 'string') {
    throw new ConfigError(`Invalid configuration in the environment:\n${problems.join('\n')}`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE,
    trustProxy,
    demoSeed,
    publicUrl: e.PUBLIC_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    version,
    warnings,
  };
}

/**
 * The address that links, e-mails and QR codes point to: PUBLIC_URL, or in development this machine. Built
 * from the configuration only: a request's Host header is the client's to choose, and a page that carries it
 * may be cached and served to others.
 */
export const publicBaseUrl = (config: Config): string =>
  (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
