import type { StoreStatusEvent } from '../../../src-main/shared/ipc-contract'

/**
 * What the status line says about saving. One small store outside React, fed by every saver and by main's
 * store-status events, read with useSyncExternalStore so only the status line re-renders.
 */
export interface SaveStatus {
  state: 'idle' | 'saving' | 'saved' | 'error'
  /** ISO time of the last completed save. */
  at: string | null
  message: string | null
}

type Listener = () => void

export class SaveStatusStore {
  private status: SaveStatus = { state: 'idle', at: null, message: null }
  private inFlight = 0
  private listeners = new Set<Listener>()

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): SaveStatus => this.status

  /** The notebook's own record of its last write, shown before this window has saved anything. */
  seed(lastSavedAt: string | null): void {
    if (this.status.state === 'idle' && lastSavedAt) this.set({ state: 'saved', at: lastSavedAt, message: null })
  }

  begin(): void {
    this.inFlight++
    if (this.status.state !== 'error') this.set({ ...this.status, state: 'saving' })
  }

  succeed(at: string): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    this.set({ state: this.inFlight > 0 ? 'saving' : 'saved', at, message: null })
  }

  fail(message: string): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    this.set({ state: 'error', at: this.status.at, message })
  }

  fromEvent(event: StoreStatusEvent): void {
    if (event.state === 'error') this.set({ state: 'error', at: this.status.at, message: event.message ?? 'The notebook could not be written.' })
    else if (event.state === 'saved') this.set({ state: this.inFlight > 0 ? 'saving' : 'saved', at: event.at, message: null })
    else this.set({ ...this.status, state: 'saving' })
  }

  private set(next: SaveStatus): void {
    this.status = next
    for (const l of this.listeners) l()
  }
}

export const saveStatus = new SaveStatusStore()

/** "Saved 10:42" today, "Saved 3 Mar 10:42" on another day, "Saving…", or that saving fails and why, in the analyst's words. */
export function statusText(status: SaveStatus, now: Date = new Date()): string {
  switch (status.state) {
    case 'saving':
      return 'Saving…'
    case 'error':
      return `Saving is failing: ${status.message ?? 'the notebook could not be written.'}`
    case 'saved':
      return status.at ? `Saved ${formatTime(status.at, now)}` : 'Saved'
    case 'idle':
      return status.at ? `Saved ${formatTime(status.at, now)}` : 'No changes yet'
  }
}

export function formatTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate()
  return sameDay ? time : `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`
}
