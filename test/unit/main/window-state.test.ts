import { describe, expect, it } from 'vitest'
import { captureWindow, DEFAULT_SIZE, placeWindow } from '../../../src-main/main/window-state'
import type { WindowState } from '../../../src-main/main/settings'

const laptop = { x: 0, y: 25, width: 1440, height: 875 }
const external = { x: 1440, y: 0, width: 2560, height: 1440 }
const saved = (over: Partial<WindowState>): WindowState => ({ x: 100, y: 100, width: 1200, height: 800, maximized: false, fullScreen: false, zoomLevel: 0, ...over })

describe('placing the window', () => {
  it('opens at the default size, within the screen, the first time', () => {
    expect(placeWindow(null, [external])).toEqual(DEFAULT_SIZE)
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 720 }])).toEqual({ width: 1280, height: 720 })
  })

  it('reopens where it was when that place is on a screen', () => {
    expect(placeWindow(saved({ x: 2000, y: 300 }), [laptop, external])).toEqual({ x: 2000, y: 300, width: 1200, height: 800 })
  })

  it('lets Electron centre a window whose screen has been unplugged, keeping its size where it fits', () => {
    expect(placeWindow(saved({ x: 2000, y: 300 }), [laptop])).toEqual({ width: 1200, height: 800 })
    expect(placeWindow(saved({ x: 2000, y: 300, width: 2400, height: 1300 }), [laptop])).toEqual({ width: 1440, height: 875 })
  })

  it('does not trust a title bar that only grazes a screen or sits above it', () => {
    expect(placeWindow(saved({ x: 1400, y: 100 }), [laptop])).toEqual({ width: 1200, height: 800 })
    expect(placeWindow(saved({ x: 100, y: -500 }), [laptop])).toEqual({ width: 1200, height: 800 })
  })
})

describe('capturing the window', () => {
  const fake = (over: Partial<{ maximized: boolean; full: boolean; zoom: number }> = {}) => ({
    isDestroyed: () => false,
    isMaximized: () => over.maximized ?? false,
    isFullScreen: () => over.full ?? false,
    getBounds: () => ({ x: 0, y: 0, width: 2560, height: 1440 }),
    getNormalBounds: () => ({ x: 10.4, y: 20.6, width: 1000, height: 700 }),
    webContents: { getZoomLevel: () => over.zoom ?? 0, isDestroyed: () => false },
  })

  it('remembers the size a maximised or full-screen window returns to', () => {
    expect(captureWindow(fake({ maximized: true }))).toEqual({ x: 10, y: 21, width: 1000, height: 700, maximized: true, fullScreen: false, zoomLevel: 0 })
    expect(captureWindow(fake({ full: true, zoom: 1.5 }))).toMatchObject({ width: 1000, fullScreen: true, zoomLevel: 1.5 })
    expect(captureWindow(fake())).toMatchObject({ width: 2560, height: 1440, maximized: false })
  })
})
