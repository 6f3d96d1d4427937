import { describe, expect, it } from 'vitest'
import { readdir, readFile, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { atomicWrite } from '../../../../src-main/core/store/atomic-write'
import { realFs, type FsOps } from '../../../../src-main/core/store/fs-ops'
import { OpenFolders } from '../../../../src-main/core/store/folder-handles'
import { useTempDirs } from '../../../helpers/temp-dir'
import { fillableDisk } from '../../../helpers/fillable-disk'

const tempDir = useTempDirs()

describe('atomicWrite', () => {
  it('replaces the file whole and leaves no temp file behind', async () => {
    const dir = await tempDir()
    const path = join(dir, 'a.json')
    await writeFile(path, 'old')
    await atomicWrite(path, 'new')
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('fsyncs the temp file before the rename and the folder after it', async () => {
    const dir = await tempDir()
    const calls: string[] = []
    const fs: FsOps = {
      ...realFs,
      open: (async (p: string, flags: string, mode?: number) => {
        const h = await realFs.open(p, flags, mode)
        const sync = h.sync.bind(h)
        h.sync = async () => {
          calls.push(`sync ${p === dir ? 'dir' : 'file'}`)
          return sync()
        }
        return h
      }) as FsOps['open'],
      rename: async (a, b) => {
        calls.push('rename')
        return realFs.rename(a, b)
      },
    }
    await atomicWrite(join(dir, 'x.json'), 'data', fs)
    expect(calls).toEqual(['sync file', 'rename', 'sync dir'])
  })

  it('retries a rename refused with EBUSY or EPERM', async () => {
    const dir = await tempDir()
    let refusals = 2
    const fs: FsOps = {
      ...realFs,
      rename: async (a, b) => {
        if (refusals-- > 0) throw Object.assign(new Error('busy'), { code: refusals % 2 ? 'EBUSY' : 'EPERM' })
        return realFs.rename(a, b)
      },
    }
    await atomicWrite(join(dir, 'x.json'), 'data', fs)
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('data')
  })

  it('leaves the old file intact and no temp file when the disk is full', async () => {
    const dir = await tempDir()
    const path = join(dir, 'x.json')
    await writeFile(path, 'old')
    const fs: FsOps = {
      ...realFs,
      open: (async (p: string, flags: string, mode?: number) => {
        const h = await realFs.open(p, flags, mode)
        if (flags === 'wx') h.writeFile = async () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' }))
        return h
      }) as FsOps['open'],
    }
    await expect(atomicWrite(path, 'new', fs)).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await readFile(path, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['x.json'])
  })
})

describe('atomicWrite of chunks', () => {
  it('writes every chunk in order, even when the system writes only part of them at a time', async () => {
    const dir = await tempDir()
    const fs: FsOps = {
      ...realFs,
      open: (async (p: string, flags: string, mode?: number) => {
        const h = await realFs.open(p, flags, mode)
        const writev = h.writev.bind(h)
        // Never more than 5 bytes per call, cutting chunks in the middle.
        h.writev = (async (buffers: Uint8Array[]) => {
          const first = buffers[0]!
          return writev([first.subarray(0, 5)])
        }) as typeof h.writev
        return h
      }) as FsOps['open'],
    }
    const chunks = ['{"a": "Überblick', ' Київ', '', ' 北京"}\n'].map((s) => Buffer.from(s, 'utf8'))
    await atomicWrite(join(dir, 'x.json'), chunks, fs)
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('{"a": "Überblick Київ 北京"}\n')
  })
})

/** The real disk, logging the folder's opens, fsyncs and closes and every rename's source name. */
function loggingFs(dir: string, log: string[]): FsOps {
  return {
    ...realFs,
    open: (async (p: string, flags: string, mode?: number) => {
      const h = await realFs.open(p, flags, mode)
      if (p !== dir) return h
      log.push('open dir')
      const sync = h.sync.bind(h)
      const close = h.close.bind(h)
      h.sync = async () => {
        log.push('sync dir')
        return sync()
      }
      h.close = async () => {
        log.push('close dir')
        return close()
      }
      return h
    }) as FsOps['open'],
    rename: async (from, to) => {
      log.push(`rename ${basename(String(from)).split('.')[1]}`)
      return realFs.rename(from, to)
    },
  }
}

describe('OpenFolders', () => {
  it('opens each folder once, fsyncs it after every rename, and closes it when done', async () => {
    const dir = await tempDir()
    const log: string[] = []
    const fs = loggingFs(dir, log)
    const folders = new OpenFolders(fs)
    for (const n of [1, 2, 3]) {
      await atomicWrite(join(dir, 'x.json'), `v${n}`, fs, folders)
      const afterRename = log.slice(log.findLastIndex((l) => l.startsWith('rename'))).filter((l) => l !== 'open dir')
      expect(afterRename.slice(0, 2)).toEqual([expect.stringMatching(/^rename /), 'sync dir'])
    }
    await folders.close()
    expect(log.filter((l) => l === 'open dir')).toEqual(['open dir'])
    expect(log.at(-1)).toBe('close dir')
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('v3')
  })

  it('makes a spare temp file after a write, fills it in the next, and removes an unused one on close', async () => {
    const dir = await tempDir()
    const log: string[] = []
    const fs = loggingFs(dir, log)
    const folders = new OpenFolders(fs)
    await atomicWrite(join(dir, 'x.json'), 'v1', fs, folders)
    expect(log).toContain('rename x')
    await folders.sparesMade()
    const spares = (await readdir(dir)).filter((n) => n.startsWith('.spare.'))
    expect(spares).toHaveLength(1)
    // Made ahead, so its creation was committed by a folder fsync of its own.
    expect(log.slice(-2)).toEqual(['sync dir', 'sync dir'])
    expect((await stat(join(dir, spares[0]!))).size).toBe(0)

    await atomicWrite(join(dir, 'x.json'), 'v2', fs, folders)
    expect(log.filter((l) => l.startsWith('rename'))).toEqual(['rename x', 'rename spare'])
    expect(await readFile(join(dir, 'x.json'), 'utf8')).toBe('v2')
    // Used once: the next spare is a new file.
    await folders.sparesMade()
    const next = (await readdir(dir)).filter((n) => n.startsWith('.spare.'))
    expect(next).toHaveLength(1)
    expect(next[0]).not.toBe(spares[0])

    await folders.close()
    expect(await readdir(dir)).toEqual(['x.json'])
  })

  it('holds the replaced file open across the rename, and lets it go once the save is on disk', async () => {
    const dir = await tempDir()
    const path = join(dir, 'x.json')
    const log: string[] = []
    const fs = loggingFs(dir, log)
    const held: FileHandle[] = []
    const heldText: Array<Promise<string>> = []
    class Watched extends OpenFolders {
      override release(replaced: FileHandle): void {
        log.push('release')
        held.push(replaced)
        heldText.push(replaced.readFile('utf8').finally(() => super.release(replaced)))
      }
    }
    const folders = new Watched(fs)
    // The first write replaces nothing, so there is nothing to hold.
    await atomicWrite(path, 'v1', fs, folders)
    expect(held).toHaveLength(0)
    await atomicWrite(path, 'v2', fs, folders)
    expect(log.slice(log.findLastIndex((l) => l.startsWith('rename')))).toEqual([expect.stringMatching(/^rename /), 'sync dir', 'release'])
    // What was held is the file the rename replaced: its old content, no longer at the path.
    expect(await heldText[0]).toBe('v1')
    expect(await readFile(path, 'utf8')).toBe('v2')
    await folders.close()
    expect(held[0]!.fd).toBe(-1)
  })

  it('holds nothing when writing without open folders or when the write fails', async () => {
    const dir = await tempDir()
    const path = join(dir, 'x.json')
    await writeFile(path, 'old')
    const { fs: fillable, disk } = fillableDisk()
    const reads: string[] = []
    const fs: FsOps = {
      ...fillable,
      open: (async (p: string, flags: string | number, mode?: number) => {
        const h = await fillable.open(p, flags, mode)
        if (typeof flags === 'number') reads.push(basename(p))
        return h
      }) as FsOps['open'],
    }
    await atomicWrite(path, 'new', fs)
    expect(reads).toEqual([])
    const released: FileHandle[] = []
    class Watched extends OpenFolders {
      override release(replaced: FileHandle): void {
        released.push(replaced)
        super.release(replaced)
      }
    }
    const folders = new Watched(fs)
    disk.full = true
    await expect(atomicWrite(path, 'newer', fs, folders)).rejects.toMatchObject({ code: 'ENOSPC' })
    // Opened alongside the write, then let go although the write failed.
    expect(reads).toEqual(['x.json'])
    expect(released).toHaveLength(1)
    await folders.close()
    expect(released[0]!.fd).toBe(-1)
    expect(await readFile(path, 'utf8')).toBe('new')
  })

  it('makes no spare after a write that failed, and a failed write into a spare leaves nothing behind', async () => {
    const dir = await tempDir()
    const path = join(dir, 'x.json')
    const { fs, disk } = fillableDisk()
    const folders = new OpenFolders(fs)
    await atomicWrite(path, 'old', fs, folders)
    await folders.sparesMade()
    disk.full = true
    // The first fails in the spare, the second in a temp file of its own.
    for (const data of ['new', 'newer']) await expect(atomicWrite(path, data, fs, folders)).rejects.toMatchObject({ code: 'ENOSPC' })
    await folders.sparesMade()
    expect(await readdir(dir)).toEqual(['x.json'])
    expect(await readFile(path, 'utf8')).toBe('old')
    disk.full = false
    await atomicWrite(path, 'new', fs, folders)
    expect(await readFile(path, 'utf8')).toBe('new')
    await folders.close()
    expect(await readdir(dir)).toEqual(['x.json'])
  })
})
