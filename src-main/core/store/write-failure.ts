import { UserError } from '../errors'
import { errorCode } from './fs-ops'

/**
 * A write that did not reach the disk. The change it carried stays in memory and the queue retries it, so the
 * message says so: the analyst must know their work is not on disk yet, and that it is not lost either.
 */
export class SaveFailedError extends UserError {
  override name = 'SaveFailedError'
  constructor(
    message: string,
    readonly file: string,
    readonly code: string,
  ) {
    super(message)
  }
}

export function describeWriteFailure(err: unknown, what: string): string {
  const code = errorCode(err)
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return `The disk is full, so ${what} could not be saved. Your edits are kept in memory and saving is retried; free some space and they will be saved.`
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return `The notebook folder cannot be written (${code}), so ${what} was not saved. Your edits are kept in memory and saving is retried.`
  return `Saving ${what} failed (${(err as Error)?.message ?? String(err)}). Your edits are kept in memory and saving is retried.`
}
