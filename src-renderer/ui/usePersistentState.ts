import { useEffect, useState } from 'react'

/**
 * Layout preferences (pane widths, collapsed panes) kept in the window's localStorage. They are view settings of
 * this window, not notebook data, so they never go through main or into the notebook folder.
 */
export function usePersistentState<T>(key: string, initial: T, valid: (v: unknown) => v is T): [T, (v: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key)
      if (raw === null) return initial
      const parsed: unknown = JSON.parse(raw)
      return valid(parsed) ? parsed : initial
    } catch {
      return initial
    }
  })
  useEffect(() => {
    try {
      localStorage.setItem(key, JSON.stringify(value))
    } catch {
      // Storage full or disabled: the layout simply resets next time.
    }
  }, [key, value])
  return [value, setValue]
}
