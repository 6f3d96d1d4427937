import { describe, expect, it } from 'vitest'
import { shownPath } from '../../../../src-main/core/services/shown-path'

describe('shownPath', () => {
  it('writes the home folder as ~', () => {
    expect(shownPath('/home/ana/Documents/Cases/Eastern Europe desk', '/home/ana', 'linux')).toBe('~/Documents/Cases/Eastern Europe desk')
    expect(shownPath('/home/ana', '/home/ana/', 'linux')).toBe('~')
    expect(shownPath('/Users/ana/Library/Application Support/Intel Notebook/Notebook', '/Users/ana', 'darwin')).toBe('~/Library/Application Support/Intel Notebook/Notebook')
  })

  it('leaves a path outside home whole, even one that only starts with the same letters', () => {
    expect(shownPath('/home/anatoly/notebook', '/home/ana', 'linux')).toBe('/home/anatoly/notebook')
    expect(shownPath('/media/usb/notebook', '/home/ana', 'linux')).toBe('/media/usb/notebook')
    expect(shownPath('/srv/notebook', '/', 'linux')).toBe('/srv/notebook')
  })

  it('shows the whole path on Windows, which has no ~', () => {
    expect(shownPath('C:\\Users\\ana\\Documents\\desk', 'C:\\Users\\ana', 'win32')).toBe('C:\\Users\\ana\\Documents\\desk')
  })
})
