import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'

/**
 * What `electron-vite dev` needs beyond the app's policy: React Refresh's inline preamble, the <style> tags Vite
 * injects for imported CSS, and the HMR WebSocket. Never eval, and never anything in a build.
 */
const DEV_ADDITIONS: Record<string, string[]> = {
  'script-src': ["'unsafe-inline'"],
  'style-src': ["'unsafe-inline'"],
  'connect-src': ['ws://localhost:*', 'ws://127.0.0.1:*', 'http://localhost:*', 'http://127.0.0.1:*'],
}

export function relaxCspForDev(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((directive) => {
      const [name = ''] = directive.split(/\s+/)
      const extra = DEV_ADDITIONS[name] ?? []
      return [directive, ...extra.filter((e) => !directive.includes(e))].join(' ')
    })
    .join('; ')
}

/** Rewrites the CSP meta tag of index.html while Vite serves it; `apply: 'serve'` keeps it out of every build. */
export function devCsp(): Plugin {
  return {
    name: 'intel-notebook:dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/, (_m, open: string, policy: string, close: string) => open + relaxCspForDev(policy) + close),
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The importer's parsers run in worker threads and the search index in a utility process of its own (a thread
      // under the CLI), each loading its own bundle beside main's.
      lib: {
        entry: {
          index: resolve('src-main/main/index.ts'),
          'search-worker': resolve('src-main/core/search/worker.ts'),
          'import-worker': resolve('src-main/core/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: it must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    plugins: [react(), devCsp()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer's first chunk is parsed before the first paint, so it is
      // minified (the source maps are not shipped, see package.json's build.files).
      minify: true,
      rolldownOptions: { input: { index: resolve('src-renderer/index.html') } },
    },
  },
})
