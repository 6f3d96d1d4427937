/**
 * Run in a child process by encryption-crash.test.ts: performs one protect, unprotect or passphrase change on a
 * notebook and reports each step on stdout, so the parent can kill it at a chosen moment. With a step number it
 * kills itself with SIGKILL right after that step: no finally block, no flush, exactly as a power cut would.
 */
import { changePassphrase, protectNotebook, unprotectNotebook, type TransitionStep } from '../../src-main/core/crypto/protection'

// The passphrases come by environment, as the CLI takes them: never as arguments, which any user can list.
const [mode, dir, stopAt] = process.argv.slice(2)
const oldPass = process.env.OLD_PASSPHRASE
const newPass = process.env.NEW_PASSPHRASE
const kdf = { N: 2 ** 14, r: 8, p: 1 }
let n = 0
const onStep = (step: TransitionStep, detail?: string) => {
  n++
  process.stdout.write(`STEP ${n} ${step} ${detail ?? ''}\n`)
  if (stopAt && n === Number(stopAt)) process.kill(process.pid, 'SIGKILL')
}

if (mode === 'protect') await protectNotebook(dir!, newPass!, { kdf, onStep })
else if (mode === 'unprotect') await unprotectNotebook(dir!, oldPass!, { onStep })
else if (mode === 'rekey') await changePassphrase(dir!, oldPass!, newPass!, { kdf, onStep })
else throw new Error(`unknown mode ${mode}`)
process.stdout.write('DONE\n')
