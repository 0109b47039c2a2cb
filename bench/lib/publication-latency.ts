// Entry bundled by bench/publication-latency.mjs: one bundle, so the server, the use cases and the demo share modules.
export { loadConfig } from '../../src/config.js';
export { openRuntime } from '../../src/main.js';
export { buildApp } from '../../src/http/app.js';
export { initDemo } from '../../src/cli/init.js';
export { createItem } from '../../src/domain/publications/manage-items.js';
export { submitItem, approveItem } from '../../src/domain/publications/review.js';
