import { parseArgs } from 'node:util'
import { readFile, stat } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { NotebookStore } from '../core/store/notebook-store'
import { createServices, type Services } from '../core/services/notebook-services'
import { isUserError, UserError } from '../core/errors'
import { COMMANDS, HELP, PROTECTION_COMMANDS, type CommandContext } from './commands'
import { isProtected, openProtection } from '../core/crypto/protection'
import { realFs, type FsOps } from '../core/store/fs-ops'
import { currentPassphrase, defaultPassphraseSource } from './passphrase'

export interface Streams {
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown }
}

/** Runs one CLI invocation and returns its exit code: 0 success, 1 a failure explained on stderr, 2 bad usage. */
export async function runCli(argv: string[], io: Streams): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        store: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        kind: { type: 'string' },
        quote: { type: 'string' },
        occurrence: { type: 'string' },
        note: { type: 'string' },
        status: { type: 'string' },
        reliability: { type: 'string' },
        credibility: { type: 'string' },
        likelihood: { type: 'string' },
        confidence: { type: 'string' },
        'source-annotation': { type: 'string', multiple: true },
        'source-name': { type: 'string' },
        tag: { type: 'string', multiple: true },
        brief: { type: 'string' },
        article: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        title: { type: 'string' },
        'from-tag': { type: 'string', multiple: true },
        author: { type: 'string' },
        caveat: { type: 'string' },
        type: { type: 'string' },
        repair: { type: 'boolean' },
      },
    })
  } catch (err) {
    io.stderr.write(`intel-notebook: ${(err as Error).message}. Run with --help for usage.\n`)
    return 2
  }
  const [command, ...args] = parsed.positionals
  if (parsed.values.help || !command || command === 'help') {
    io.stdout.write(HELP)
    return command || parsed.values.help ? 0 : 2
  }
  const spec = COMMANDS[command]
  if (!spec) {
    io.stderr.write(`intel-notebook: unknown command "${command}". Run with --help for the list of commands.\n`)
    return 2
  }
  if (!parsed.values.store) {
    io.stderr.write('intel-notebook: say which notebook folder to use with --store DIR.\n')
    return 2
  }
  let store: NotebookStore | null = null
  const root = resolve(parsed.values.store)
  try {
    if ('folder' in spec) {
      // protect, unprotect and rekey ask for their own passphrases; the other folder commands read the notebook.
      const fs = command in PROTECTION_COMMANDS ? undefined : await notebookFs(root)
      return await spec.run({ root, holder: HOLDER, args, options: parsed.values, io, ...(fs ? { fs } : {}) })
    }
    store = await NotebookStore.open(root, { holder: HOLDER, readOnly: !spec.writes, fs: (await notebookFs(root)) ?? realFs })
    const services: Services = createServices(store)
    const ctx: CommandContext = { services, args, options: parsed.values, io, readFileArg }
    const code = await spec.run(ctx)
    await store.close()
    store = null
    return code
  } catch (err) {
    if (isUserError(err)) {
      io.stderr.write(`intel-notebook: ${err.message}\n`)
      return 1
    }
    throw err
  } finally {
    await store?.close().catch(() => {})
  }
}

const HOLDER = 'the intel-notebook CLI'

/** The file system to read the notebook through: the plain one, or for a protected notebook one that decrypts. */
async function notebookFs(root: string): Promise<FsOps | null> {
  if (!(await isProtected(root))) {
    await openProtection(root, null)
    return null
  }
  return (await openProtection(root, await currentPassphrase(defaultPassphraseSource(), 'to open the notebook'))).fs
}

const MAX_FILE_BYTES = 50 * 1024 * 1024

/** Reads a file named on the command line, refusing what import would refuse anyway before loading it whole. */
async function readFileArg(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  let info
  try {
    info = await stat(path)
  } catch {
    throw new UserError(`Cannot read ${path}: no such file. Check the path and try again.`)
  }
  if (info.isDirectory()) throw new UserError(`${path} is a folder; name the files inside it to import them.`)
  if (info.size > MAX_FILE_BYTES) throw new UserError(`${basename(path)} is ${(info.size / 1024 / 1024).toFixed(0)} MB, over the 50 MB import limit; split it or import the article's page only.`)
  try {
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) }
  } catch (err) {
    throw new UserError(`Cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`)
  }
}
