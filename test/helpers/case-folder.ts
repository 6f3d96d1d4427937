import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface CaseFolder {
  home: string
  storeDir: string
  /** Puts HOME back and removes the folder. */
  dispose(): Promise<void>
}

/**
 * A notebook folder where an analyst keeps a case, `~/Documents/Cases/<name>`, under a throwaway home folder that
 * HOME points at meanwhile: screens then show the path as they would on the analyst's machine.
 */
export async function caseFolder(name: string): Promise<CaseFolder> {
  const realHome = process.env.HOME
  const home = await mkdtemp(join(tmpdir(), 'intel-notebook-home-'))
  const storeDir = join(home, 'Documents', 'Cases', name)
  await mkdir(storeDir, { recursive: true })
  process.env.HOME = home
  return {
    home,
    storeDir,
    dispose: async () => {
      // Assigning undefined would set the text "undefined".
      if (realHome === undefined) delete process.env.HOME
      else process.env.HOME = realHome
      await rm(home, { recursive: true, force: true })
    },
  }
}
