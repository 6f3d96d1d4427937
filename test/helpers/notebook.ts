import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices, type Services } from '../../src-main/core/services/notebook-services'
import { useTempDirs } from './temp-dir'
import { afterEach } from 'vitest'

/** A real notebook on disk in a temp folder, with its services; closed after each test. */
export function useNotebook(): () => Promise<{ dir: string; store: NotebookStore; services: Services; reopen: () => Promise<Services> }> {
  const tempDir = useTempDirs()
  const open: NotebookStore[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})))
  })
  return async () => {
    const dir = await tempDir()
    const store = await NotebookStore.open(dir, { holder: 'test' })
    open.push(store)
    const result = {
      dir,
      store,
      services: createServices(store),
      reopen: async () => {
        await result.store.close()
        result.store = await NotebookStore.open(dir, { holder: 'test' })
        open.push(result.store)
        result.services = createServices(result.store)
        return result.services
      },
    }
    return result
  }
}

export const paragraphs = (...texts: string[]) => ({ type: 'doc' as const, content: texts.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) })
