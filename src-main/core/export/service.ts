import type { ExportFormat, ExportPreview, ExportProgress, ExportTarget } from '../../shared/ipc-contract'
import type { ServiceContext } from '../services/context'
import { collectExport } from './collect'
import { exportPreview, renderExport, type PdfRenderer, type RenderedExport } from './index'

export interface ExportOptions {
  pdf?: PdfRenderer
  progress?: (p: ExportProgress) => void
}

/** Collects the target's current records and renders them in one format. */
export async function exportTarget(ctx: ServiceContext, target: ExportTarget, format: ExportFormat, options: ExportOptions = {}): Promise<RenderedExport> {
  const progress = options.progress ?? (() => {})
  progress({ stage: 'collecting', done: 0, total: 0 })
  const doc = await collectExport(ctx, target, (done, total) => progress({ stage: 'collecting', done, total }))
  progress({ stage: 'rendering', done: 0, total: 1 })
  const rendered = await renderExport(doc, format, {
    pdf: options.pdf,
    readOriginal: async (sha256) => {
      try {
        return new Uint8Array(await ctx.store.readOriginal(sha256))
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw err
      }
    },
  })
  progress({ stage: 'rendering', done: 1, total: 1 })
  return rendered
}

export async function previewTarget(ctx: ServiceContext, target: ExportTarget): Promise<ExportPreview> {
  return exportPreview(await collectExport(ctx, target))
}
