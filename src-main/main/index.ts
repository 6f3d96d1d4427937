/** Entry of the main process (out/main/index.js, ESM). */
import { app } from 'electron'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runApp } from './lifecycle'

runApp({ mainDir: dirname(fileURLToPath(import.meta.url)) }).catch((err: unknown) => {
  console.error('[startup] Intel Notebook failed to start', err)
  app.exit(1)
})
