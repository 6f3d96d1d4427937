import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { createServices, type Services } from '../../../../src-main/core/services/notebook-services'
import { seedExportNotebook } from './fixture'

/**
 * One seeded notebook for a whole test file whose tests only read it: seeding writes a dozen times, and the
 * store makes every write durable, so seeding per test would dominate the run.
 */
export function useSeededNotebook(): () => { services: Services; store: NotebookStore; dir: string } & Awaited<ReturnType<typeof seedExportNotebook>> {
  let state: ({ services: Services; store: NotebookStore; dir: string } & Awaited<ReturnType<typeof seedExportNotebook>>) | null = null
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'intel-notebook-export-'))
    const store = await NotebookStore.open(dir, { holder: 'export tests' })
    const services = createServices(store)
    state = { dir, store, services, ...(await seedExportNotebook(services)) }
  }, 60000)
  afterAll(async () => {
    await state?.store.close()
    if (state) await rm(state.dir, { recursive: true, force: true })
  })
  return () => {
    if (!state) throw new Error('the seeded notebook is not ready')
    return state
  }
}
