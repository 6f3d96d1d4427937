/**
 * The window's side of main's IPC in the stubbed-electron tests: calls from the last window opened, and main's
 * flush requests answered the way the renderer answers them.
 */
import { events } from '../../../src-main/shared/ipc-contract'
import { BrowserWindow, invokeFrom } from './stub-electron'

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
