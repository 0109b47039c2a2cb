import type { Config } from '../config.js';
import type { Deps } from '../domain/ports.js';

export interface HttpContext {
  deps: Deps;
  config: Config;
  /** Called after every committed write, so cached portal pages are rebuilt. */
  onWrite(fn: () => void): void;
  engine: 'sqlite' | 'postgres';
}
