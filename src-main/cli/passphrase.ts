import { UserError } from '../core/errors'

/**
 * Where the CLI gets a passphrase: an environment variable (for scripts), else a prompt on the terminal that does
 * not echo. Never a command-line argument, which other users see in the process list and the shell keeps in history.
 */
export const PASSPHRASE_ENV = 'INTEL_NOTEBOOK_PASSPHRASE'
/** The new passphrase for rekey, when it runs without a terminal. */
export const NEW_PASSPHRASE_ENV = 'INTEL_NOTEBOOK_NEW_PASSPHRASE'

export interface PassphraseSource {
  env: NodeJS.ProcessEnv
  /** Asks on the terminal without echo; null when there is no terminal to ask on. */
  prompt: ((question: string) => Promise<string>) | null
}

export function defaultPassphraseSource(): PassphraseSource {
  return { env: process.env, prompt: process.stdin.isTTY && process.stderr.isTTY ? promptHidden : null }
}

export async function currentPassphrase(source: PassphraseSource, purpose: string): Promise<string> {
  const fromEnv = source.env[PASSPHRASE_ENV]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!source.prompt) throw new UserError(`This notebook is protected: set ${PASSPHRASE_ENV}, or run in a terminal to be asked for the passphrase ${purpose}.`)
  return source.prompt(`Passphrase ${purpose}: `)
}

/** A new passphrase: from `envName` when set, else typed twice on the terminal. */
export async function newPassphrase(source: PassphraseSource, envName: string): Promise<string> {
  const fromEnv = source.env[envName]
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  if (!source.prompt) throw new UserError(`Set ${envName} to the new passphrase, or run in a terminal to be asked for it.`)
  const first = await source.prompt('New passphrase: ')
  const second = await source.prompt('The new passphrase again: ')
  if (first !== second) throw new UserError('The two passphrases differ; nothing was changed. Try again.')
  return first
}

/** Reads one line from the terminal in raw mode, showing nothing of what is typed; Ctrl+C aborts. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    process.stderr.write(question)
    const wasRaw = stdin.isRaw
    stdin.setRawMode(true)
    stdin.resume()
    let typed = ''
    const done = (err: Error | null) => {
      stdin.setRawMode(wasRaw)
      stdin.pause()
      stdin.off('data', onData)
      process.stderr.write('\n')
      if (err) reject(err)
      else resolve(typed)
    }
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(null)
        if (ch === '\u0003') return done(new UserError('Cancelled; nothing was changed.'))
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('')
        else if (ch >= ' ') typed += ch
      }
    }
    stdin.on('data', onData)
  })
}
