import { changePassphrase, isProtected, protectNotebook, unprotectNotebook, verifyPassphrase } from '../core/crypto/protection'
import { UserError } from '../core/errors'
import type { FolderCommand, FolderCommandContext } from './durability-commands'
import { currentPassphrase, defaultPassphraseSource, NEW_PASSPHRASE_ENV, newPassphrase, PASSPHRASE_ENV, type PassphraseSource } from './passphrase'

export const PROTECTION_HELP = `  protect                        protect the notebook with a passphrase: every file,
                                 backups included, is encrypted (AES-256-GCM, key from scrypt)
  unprotect                      remove the passphrase; the files are stored in the clear again
  rekey                          change the passphrase; every file is encrypted again under a new key
                                 Passphrases come from a prompt, or from ${PASSPHRASE_ENV}
                                 (and ${NEW_PASSPHRASE_ENV} for rekey); never from an argument.
`

const print = (ctx: FolderCommandContext, s: string) => ctx.io.stdout.write(`${s}\n`)

/** The commands that change a notebook's protection. They work on the folder, which the store must not have open. */
export function protectionCommands(source: () => PassphraseSource = defaultPassphraseSource): Record<string, FolderCommand> {
  return {
    protect: {
      folder: true,
      async run(ctx) {
        if (await isProtected(ctx.root)) throw new UserError('This notebook is already protected; change its passphrase with rekey.')
        await protectNotebook(ctx.root, await newPassphrase(source(), PASSPHRASE_ENV))
        print(ctx, 'The notebook is protected. Keep the passphrase safe: without it nothing in the notebook can be read, and it cannot be recovered.')
        return 0
      },
    },
    unprotect: {
      folder: true,
      async run(ctx) {
        if (!(await isProtected(ctx.root))) throw new UserError('This notebook is not protected with a passphrase.')
        await unprotectNotebook(ctx.root, await currentPassphrase(source(), 'of the notebook'))
        print(ctx, 'The passphrase is removed; the notebook\'s files are stored in the clear again.')
        return 0
      },
    },
    rekey: {
      folder: true,
      async run(ctx) {
        if (!(await isProtected(ctx.root))) throw new UserError('This notebook is not protected; protect it first.')
        const current = await currentPassphrase(source(), 'of the notebook')
        // Checked before the new one is asked for, so a mistyped current passphrase costs one prompt, not three.
        await verifyPassphrase(ctx.root, current)
        const next = await newPassphrase(source(), NEW_PASSPHRASE_ENV)
        if (next === current) throw new UserError('The new passphrase is the same as the current one; nothing was changed.')
        await changePassphrase(ctx.root, current, next)
        print(ctx, 'The passphrase is changed, and every file is encrypted under a new key.')
        return 0
      },
    },
  }
}
