import { Suspense, useCallback, useEffect, useState } from 'react'
import { nextTheme, themeFromCommand, THEME_LABEL } from '../../../src-main/shared/commands'
import type { NotebookSwitch } from '../../../src-main/shared/model/settings'
import { api } from '../../api/client'
import { userMessage } from '../../api/errors'
import { notify, withProgress } from '../feedback/notices'
import { NoticeStack } from '../feedback/NoticeStack'
import { chooseTheme, themeStore } from '../settings/theme'
import { flushViewState } from '../settings/view-state'
import { CommandPalette, type PaletteMode } from './CommandPalette'
import type { PaletteAction } from './palette-model'
import { RestoreDialog } from '../backups/RestoreDialog'
import { ProtectionDialog } from '../lock/ProtectionDialog'
import { Dialog } from '../../ui/Dialog'
import { lazyView, LoadBoundary, LOAD_FAILED, preloadWhenIdle } from '../../ui/lazy-view'

// The sheet loads on first use or when the window is idle. The palette stays in the first chunk: keys typed right
// after Ctrl/Cmd+K must reach its input, not a loading screen.
const ShortcutsSheet = lazyView(() => import('./ShortcutsSheet'), 'ShortcutsSheet')

const OUTCOME: Record<Exclude<NotebookSwitch['outcome'], 'switched' | 'cancelled'>, string> = {
  same: 'That notebook is already open.',
  kept: 'You are still in this notebook: some changes could not be saved yet.',
}

/**
 * The commands that belong to the app rather than to the open article: the palette, the shortcuts sheet, the
 * theme, notebooks, and the notices that report on them. `run` is the window's command runner, for palette
 * entries that are ordinary commands.
 */
export function useAppShell(run: (command: string) => void) {
  const [palette, setPalette] = useState<PaletteMode | null>(null)
  const [sheet, setSheet] = useState(false)
  const [restoring, setRestoring] = useState(false)
  useEffect(() => preloadWhenIdle([ShortcutsSheet]), [])
  const [protection, setProtection] = useState(false)

  const changeNotebook = useCallback(async (work: () => Promise<NotebookSwitch>) => {
    // The place in this notebook is saved now; after the switch main reloads the window on the other one.
    flushViewState()
    try {
      const { outcome } = await work()
      if (outcome === 'switched') notify('Opening the notebook…', 'progress')
      else if (outcome !== 'cancelled') notify(OUTCOME[outcome])
    } catch (err) {
      notify(userMessage(err), 'error')
    }
  }, [])

  const setTheme = useCallback((theme: ReturnType<typeof themeStore.get>) => {
    chooseTheme(theme).catch((err: unknown) => notify(`The theme applies now but could not be kept for next time: ${userMessage(err)}`, 'error'))
  }, [])

  /** Runs an app command; false when the command is not one of these. */
  const handle = useCallback(
    (command: string): boolean => {
      const theme = themeFromCommand(command)
      if (theme) {
        setTheme(theme)
        return true
      }
      switch (command) {
        case 'command-palette':
          setSheet(false)
          setPalette((p) => (p ? null : 'all'))
          return true
        case 'switch-notebook':
          setSheet(false)
          setPalette('notebooks')
          return true
        case 'shortcuts':
          setPalette(null)
          setSheet((s) => !s)
          return true
        case 'cycle-theme': {
          const next = nextTheme(themeStore.get())
          setTheme(next)
          notify(`Theme: ${THEME_LABEL[next]}`)
          return true
        }
        case 'open-notebook':
          void changeNotebook(() => api().openNotebook())
          return true
        case 'new-notebook':
          void changeNotebook(() => api().createNotebook())
          return true
        case 'restore-backup':
          setPalette(null)
          setSheet(false)
          setRestoring(true)
          return true
        case 'notebook-protection':
          setPalette(null)
          setSheet(false)
          setProtection(true)
          return true
        case 'show-notebook-folder':
          api()
            .showNotebookFolder()
            .catch((err: unknown) => notify(userMessage(err), 'error'))
          return true
        default:
          return false
      }
    },
    [changeNotebook, setTheme],
  )

  const choose = useCallback(
    (action: PaletteAction) => {
      if (action.kind === 'command') run(action.id)
      else if (action.kind === 'theme') setTheme(action.theme)
      else if (action.kind === 'window') api().windowAction({ action: action.action }).catch((err: unknown) => notify(userMessage(err), 'error'))
      else void changeNotebook(() => withProgress('Saving and switching notebooks…', () => api().switchNotebook({ id: action.id })))
    },
    [run, setTheme, changeNotebook],
  )

  const overlays = (
    <>
      {palette && <CommandPalette key={palette} mode={palette} onClose={() => setPalette(null)} onRun={choose} />}
      {sheet && (
        <LoadBoundary
          failed={
            <Dialog title="Keyboard shortcuts" onClose={() => setSheet(false)}>
              <p role="alert">The shortcuts sheet {LOAD_FAILED}</p>
            </Dialog>
          }
        >
          <Suspense
            fallback={
              <Dialog title="Keyboard shortcuts" onClose={() => setSheet(false)}>
                <p role="status">Loading the shortcuts…</p>
              </Dialog>
            }
          >
            <ShortcutsSheet onClose={() => setSheet(false)} />
          </Suspense>
        </LoadBoundary>
      )}
      {restoring && (
        <RestoreDialog
          onClose={() => setRestoring(false)}
          onKept={() => {
            setRestoring(false)
            notify(OUTCOME.kept)
          }}
        />
      )}
      {protection && <ProtectionDialog onClose={() => setProtection(false)} />}
      <NoticeStack />
    </>
  )
  return { handle, overlays }
}
