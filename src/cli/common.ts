import type { Command } from 'commander';
import { loadConfig, type Config } from '../config.js';
import type { Actor } from '../domain/ports.js';
import { openRuntime, type Runtime } from '../main.js';

export function configFrom(cmd: Command, overrides: { port?: number } = {}): Config {
  const { data } = cmd.optsWithGlobals<{ data: string }>();
  return loadConfig(process.env, { dataDir: data, ...overrides });
}

export async function withRuntime<T>(cmd: Command, fn: (rt: Runtime) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const rt = await openRuntime(configFrom(cmd), opts);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

/** The CLI is run by whoever operates the server: it acts as the system, and says so in the audit log. */
export const cliActor = (command: string): Actor => ({ accountId: null, name: `命令行(${command})`, unitId: null, roles: [], system: true, ip: null });
