/**
 * Vite build of the admin back office: served by the Fastify app at /admin (see src/http/admin-static.ts).
 * Pages are loaded per route (React.lazy); the libraries are split into a few long-lived vendor chunks
 * so that no chunk passes ~1 MB and an app update does not invalidate the cached Ant Design code.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

export default defineConfig({
  root: here,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: path.join(repo, 'dist/admin'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 5 },
            { name: 'icons', test: /node_modules[\\/]@ant-design[\\/]icons/, priority: 4 },
            // Ant Design is ~1 MB minified: its components in one chunk, the rc-* building blocks and cssinjs in another.
            { name: 'antd-base', test: /node_modules[\\/](@ant-design|@rc-component|rc-[a-z-]+)[\\/]/, priority: 3 },
            { name: 'antd', test: /node_modules[\\/]antd[\\/]/, priority: 2 },
            // Only the pages that use them load these: charts (发布统计) and the rich-text editor (信息编辑).
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 2 },
            { name: 'editor', test: /node_modules[\\/](@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs|fast-equals)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config src/admin/vite.config.ts` during development, with `gongkai serve` on port 3000.
    proxy: { '/api': 'http://127.0.0.1:3000', '/u/': 'http://127.0.0.1:3000' },
  },
});
