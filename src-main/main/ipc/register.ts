/**
 * The Electron transport for the handler table: one ipcMain.handle per contract entry, nothing else.
 * Each call is first checked to come from the app's own page in the top frame of our window (DESIGN rule 2),
 * then handed to the table, which validates the payload.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { contract, USER_ERROR_PREFIX, type Method } from '../../shared/ipc-contract'
import { isUserError } from '../../core/errors'
import { isAppPage, type AppOrigin } from '../app-origin'
import type { HandlerTable } from './handlers'

export interface SenderPolicy {
  app: AppOrigin
  /** The webContents of the app window, or null while there is none. */
  windowContentsId(): number | null
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, policy: SenderPolicy): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  const id = policy.windowContentsId()
  if (id === null || event.sender.id !== id) return false
  return isAppPage(frame.url, policy.app)
}

/** Registers every channel; returns a function that removes them again (used by tests and on shutdown). */
export function registerIpc(handlers: HandlerTable, policy: SenderPolicy): () => void {
  const methods = Object.keys(contract) as Method[]
  for (const method of methods) {
    const { channel } = contract[method]
    const handler = handlers[method]
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, policy)) {
        console.warn(`[ipc] refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`)
        throw new Error(`Refused: ${channel} may only be called by the Intel Notebook window.`)
      }
      try {
        return await handler(payload)
      } catch (err) {
        // Electron passes only the message across; the prefix tells the preload it is a sentence for the analyst.
        if (isUserError(err)) throw new Error(USER_ERROR_PREFIX + err.message)
        throw err
      }
    })
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(contract[method].channel)
  }
}
