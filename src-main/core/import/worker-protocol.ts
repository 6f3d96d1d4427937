import type { ImportErrorCode } from './errors'
import type { ImportedArticle } from './import-file'

/** One file, or the content pasted into "New article". */
export type ImportJob = { kind: 'file'; name: string; bytes: Uint8Array } | { kind: 'paste'; title: string; html?: string; text?: string }

export interface ToImportWorker {
  id: number
  job: ImportJob
}

/** A refusal as the analyst reads it; code null marks a fault of the importer itself rather than of the file. */
export interface WorkerFailure {
  code: ImportErrorCode | null
  message: string
  fileName: string | null
}

export type FromImportWorker = { id: number; ok: true; article: ImportedArticle } | { id: number; ok: false; failure: WorkerFailure }
