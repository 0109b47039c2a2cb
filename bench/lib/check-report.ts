// Entry bundled by bench/publication-check-report.mjs: one bundle, so the runtime and the report share modules.
export { loadConfig } from '../../src/config.js';
export { openRuntime } from '../../src/main.js';
export { initDemo } from '../../src/cli/init.js';
export { contentCheckReport } from '../../src/domain/publications/check-report.js';
export { matcherBuilds } from '../../src/domain/publications/checks/wording.js';
