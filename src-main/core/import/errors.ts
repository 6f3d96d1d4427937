/**
 * Why an import was refused. The code lets the app and the CLI group and test failures;
 * the message is the one sentence shown to the analyst.
 */
export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'unsupported-type'
  | 'wrong-type'
  | 'undecodable'
  | 'no-article'
  | 'corrupt-docx'
  | 'unreadable'
  /** The importer gave up on it: parsing took too long. */
  | 'timed-out'
  /** The importer's worker died on it (out of memory, or a fault in a parser). */
  | 'importer-stopped'

/** The only error the importers let out: one sentence for people saying what went wrong, with which file, and what to do. */
export class ImportError extends Error {
  override readonly name = 'ImportError'
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** The file name as the analyst knows it, or null for pasted content. */
    readonly fileName: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}
