/**
 * An error written for the analyst: one sentence saying what went wrong, where, and what to do.
 * Anything else that escapes is a bug, reported as such.
 */
export class UserError extends Error {
  override name = 'UserError'
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError
}

/** A store file that exists but cannot be parsed or does not fit its schema. It is never overwritten. */
export class DamagedFileError extends UserError {
  override name = 'DamagedFileError'
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`The notebook file ${file} is damaged (${detail}).`)
  }
}
