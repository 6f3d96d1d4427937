/**
 * The command line over core: the same store and services as the app, no Electron.
 * Usage: npm run cli -- --store DIR <command> [options]   (see `help`)
 */
import { runCli } from './run'

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`intel-notebook: unexpected failure: ${(err as Error)?.stack ?? String(err)}\n`)
    process.exitCode = 70
  },
)
