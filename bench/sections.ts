import type { BenchSection } from './lib/section'

/**
 * The sections of `npm run bench`, in the order a full run takes them. Each loads its code only when it runs, so
 * `npm run bench -- store` does not pay for the search engines. To add one: write bench/<name>.ts and add a line.
 */
export const SECTIONS: BenchSection[] = [
  {
    name: 'store',
    title: 'notebook store: open, save, writes per burst, memory; against single-file lowdb and the fsync floor',
    run: async (ctx) => (await import('./store')).storeBench(ctx),
  },
  {
    name: 'search',
    title: 'search as you type over notebook M',
    run: async (ctx) => (await (await import('./search')).searchBench(ctx.out)).p95 <= 15,
  },
  {
    name: 'typing',
    title: 'typing and tagging in one 50k-word article with 1,000 annotations, beside plain tiptap (run `npm run build` first)',
    run: async (ctx) => (await import('./typing')).typingBench(ctx),
  },
  {
    name: 'startup',
    title: "main's bundle from process start to the window (stub electron; run `npm run build` first)",
    run: async (ctx) => (await import('./startup')).startupBench(ctx),
  },
  {
    name: 'views',
    title: 'claims ledger, source registry and question tracker at notebook M (--size S: 1k articles): full scan against the catalogue',
    run: async (ctx) => (await import('./views')).viewsBench(ctx),
  },
  {
    name: 'import',
    title: 'importing 100 saved news pages in a batch: worker pool beside the pipeline on main',
    run: async (ctx) => (await import('./import')).importBench(ctx),
  },
  {
    name: 'export',
    title: 'exporting a 200-annotation brief',
    run: async (ctx) => (await import('./export')).runExportBench(ctx.out),
  },
]
