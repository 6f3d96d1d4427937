/**
 * The window's side of main's IPC in the stubbed-electron tests: calls from the last window opened, and main's
 * flush requests answered the way the renderer answers them.
 */
import { events } from '../../../src-main/shared/ipc-contract'
import { app, BrowserWindow, invokeFrom } from './stub-electron'

export const theWindow = () => BrowserWindow.instances.at(-1)!
export const call = (channel: string, payload?: unknown) => invokeFrom(channel, payload, { contents: theWindow().webContents })
export const settle = () => new Promise((r) => setTimeout(r, 20))

/** Runs `work` while playing the window's part each time main asks it to flush (a switch, a lock, a restore). */
export async function answeringFlushes<T>(work: Promise<T>): Promise<T> {
  let done = false
  const answer = (async () => {
    while (!done) {
      if (theWindow().webContents.send.mock.calls.some((c) => c[0] === events.onFlushRequest)) {
        theWindow().webContents.send.mockClear()
        await call('app:flushed')
      }
      await settle()
    }
  })()
  try {
    return await work
  } finally {
    done = true
    await answer
  }
}

/** Quits the way the app menu does, answering the window's part, and waits until main has let the app go. */
export async function quitApp(): Promise<void> {
  app.quit()
  for (let i = 0; i < 200 && !app.quitted; i++) {
    if (BrowserWindow.instances.some((w) => !w.destroyed)) await call('app:flushed').catch(() => {})
    await settle()
  }
  if (!app.quitted) throw new Error('the app did not quit')
}

/**
 * Lets go of what a test's app holds, as a quit would, without quitting it: the notebook closed, then the settings
 * file written now rather than a moment later, so nothing lands in the app's folder after the test removes it.
 */
export async function closeApp(running: { session: { close(): Promise<void> }; settings: { flush(): Promise<void> } } | null): Promise<void> {
  if (!running) return
  try {
    await running.session.close()
  } finally {
    await running.settings.flush()
  }
}
