/**
 * Encryption at rest: a protected notebook opened through the store, its backups and its journal, then read as a
 * thief with the disk would read it. The key derivation is run at the cheapest cost a key file accepts, so the
 * suite stays quick; the cost itself is a parameter of the key file and does not change the code under test.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices, type Services } from '../../src-main/core/services/notebook-services'
import { createSnapshot } from '../../src-main/core/backup/snapshot'
import { HotExitJournal } from '../../src-main/core/recovery/hot-exit-journal'
import { FileCipher, SealedFileError, isSealed, sealedGeneration } from '../../src-main/core/crypto/envelope'
import { KEY_FILE, MIN_KDF_N, WrongPassphraseError, readKeyFile, type KdfParams } from '../../src-main/core/crypto/key-file'
import { assertReadable, changePassphrase, openProtection, PassphraseRequiredError, protectNotebook, unprotectNotebook } from '../../src-main/core/crypto/protection'
import { encryptedFs } from '../../src-main/core/crypto/encrypted-fs'
import type { FsOps } from '../../src-main/core/store/fs-ops'
import { atomicWrite } from '../../src-main/core/store/atomic-write'
import { OpenFolders } from '../../src-main/core/store/folder-handles'

export const TEST_KDF: KdfParams = { N: MIN_KDF_N, r: 8, p: 1 }
const PASS = 'correct horse battery staple'
const NEW_PASS = 'a quite different passphrase'
/** Words that appear in every part of the notebook: titles, bodies, notes, tags, source names, originals. */
const SECRET = 'Operation BLUE HERON'

const dirs: string[] = []
const stores: NotebookStore[] = []
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close().catch(() => {})))
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'intel-notebook-crypto-'))
  dirs.push(d)
  return d
}

async function open(dir: string, fs?: FsOps): Promise<{ store: NotebookStore; services: Services }> {
  const store = await NotebookStore.open(dir, { holder: 'encryption tests', ...(fs ? { fs } : {}) })
  stores.push(store)
  return { store, services: createServices(store) }
}

async function close(store: NotebookStore): Promise<void> {
  await store.close()
  stores.splice(stores.indexOf(store), 1)
}

/** A notebook with the secret in every kind of content, plus a backup of it. */
async function seeded(dir: string, fs?: FsOps): Promise<{ articleId: string }> {
  const { store, services } = await open(dir, fs)
  const article = await services.createArticle({ title: `Report on ${SECRET}`, html: `<p>The ministry confirmed ${SECRET} began on Monday.</p><p>Second paragraph.</p>` })
  const source = await services.annotateQuote({ articleId: article.id, kind: 'source', quote: 'The ministry', sourceName: `Spokesman for ${SECRET}` })
  await services.annotateQuote({ articleId: article.id, kind: 'claim', quote: `${SECRET} began on Monday`, patch: { note: `<p>Check ${SECRET} again.</p>`, tags: [`${SECRET}`], sourceIds: [source.id] } })
  await services.saveArticleNotes(article.id, `<p>Notes about ${SECRET}.</p>`)
  await services.importFiles([{ name: `${SECRET}.txt`, bytes: new TextEncoder().encode(`Imported text about ${SECRET}.`) }])
  await services.createBrief({ title: `Brief: ${SECRET}`, judgments: `<p>We judge ${SECRET} real.</p>` })
  await store.flush()
  await createSnapshot(dir, { reason: 'manual', fs: fs ?? undefined })
  await close(store)
  return { articleId: article.id }
}

async function allFiles(root: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name))
  return out.sort()
}

/** Every file of the folder that holds the phrase in any common encoding, read as raw bytes. */
async function plaintextHits(root: string, phrase: string): Promise<string[]> {
  const needles = [Buffer.from(phrase, 'utf8'), Buffer.from(phrase, 'utf16le'), Buffer.from(phrase.toLowerCase(), 'utf8'), Buffer.from(Buffer.from(phrase).toString('base64').slice(0, 12))]
  const hits: string[] = []
  for (const f of await allFiles(root)) {
    const bytes = await readFile(f)
    if (needles.some((n) => bytes.includes(n))) hits.push(relative(root, f))
  }
  return hits
}

async function folderBytes(root: string): Promise<Map<string, string>> {
  const m = new Map<string, string>()
  for (const f of await allFiles(root)) m.set(relative(root, f), (await readFile(f)).toString('base64'))
  return m
}

describe('the sealed file format', () => {
  it('round-trips any bytes, and detects any change to a sealed file', () => {
    const cipher = FileCipher.generate()
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (plain, at, flip) => {
        const sealed = cipher.seal(plain)
        expect(isSealed(sealed)).toBe(true)
        expect(cipher.open(sealed, 'f')).toEqual(Buffer.from(plain))
        const tampered = Buffer.from(sealed)
        tampered[at % tampered.length]! ^= flip
        expect(() => cipher.open(tampered, 'f')).toThrow(SealedFileError)
        expect(() => cipher.open(sealed.subarray(0, sealed.length - 1 - (at % 20)), 'f')).toThrow(SealedFileError)
      }),
      { numRuns: 300 },
    )
  })

  it('tells a file of another key, and a plaintext file, from a tampered one', () => {
    const a = FileCipher.generate()
    const b = FileCipher.generate()
    expect(() => b.open(a.seal(Buffer.from('x')), 'f')).toThrow(expect.objectContaining({ reason: 'other-key' }))
    expect(() => a.open(Buffer.from('{"plain": "json", "which is long enough to hold a header": true}'), 'f')).toThrow(expect.objectContaining({ reason: 'not-sealed' }))
    const sealed = a.seal(Buffer.from('x'))
    expect(sealedGeneration(sealed)).toBe(a.tag)
  })

  it('never seals the same content to the same bytes', () => {
    const c = FileCipher.generate()
    expect(c.seal(Buffer.from(SECRET)).equals(c.seal(Buffer.from(SECRET)))).toBe(false)
  })
})

describe('a protected notebook', () => {
  it('round trip: protect, open with the passphrase, read and write everything, reopen', async () => {
    const dir = await tempDir()
    const { articleId } = await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    const opened = await openProtection(dir, PASS)
    let { store, services } = await open(dir, opened.fs)
    const view = await services.getArticle(articleId)
    expect(view.meta.title).toBe(`Report on ${SECRET}`)
    expect(JSON.stringify(view.doc)).toContain(`${SECRET} began on Monday`)
    expect(view.notes).toContain(SECRET)
    expect(view.annotations.find((a) => a.kind === 'claim')!.note).toContain(SECRET)
    await services.saveArticleNotes(articleId, `<p>Changed notes on ${SECRET}.</p>`)
    await close(store)
    ;({ store, services } = await open(dir, (await openProtection(dir, PASS)).fs))
    expect((await services.getArticle(articleId)).notes).toBe(`<p>Changed notes on ${SECRET}.</p>`)
    expect(services.listArticles()).toHaveLength(2)
    expect(services.listBriefs()[0]!.judgments).toContain(SECRET)
  })

  it('holds no plaintext anywhere in its folder: index, articles, originals, backups, journal, temp files', async () => {
    const dir = await tempDir()
    const { articleId } = await seeded(dir)
    expect(await plaintextHits(dir, SECRET)).not.toEqual([])
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    expect(await plaintextHits(dir, SECRET)).toEqual([])

    const { fs } = await openProtection(dir, PASS)
    const { store, services } = await open(dir, fs)
    await services.saveArticleNotes(articleId, `<p>New words on ${SECRET} written while protected.</p>`)
    await services.createArticle({ title: `Another ${SECRET}`, text: `Body with ${SECRET}.` })
    await store.flush()
    await createSnapshot(dir, { reason: 'manual', fs })
    const journal = await HotExitJournal.open(store.layout.hotExit, { notebookId: store.index.notebook.id, fs, debounceMs: 0 })
    journal.record({ articleId, field: 'notes', rev: 1, notes: `<p>Unsaved words about ${SECRET}.</p>` })
    await journal.flush()
    expect((await stat(store.layout.hotExit)).size).toBeGreaterThan(0)
    expect(await plaintextHits(dir, SECRET)).toEqual([])
    await close(store)

    // Every file but the key and lock files is sealed, under the generation the key file names.
    const generation = (await readKeyFile(dir))!.generation
    for (const f of await allFiles(dir)) {
      const rel = relative(dir, f)
      if (rel === KEY_FILE) continue
      expect(sealedGeneration(await readFile(f)), rel).toBe(generation)
    }
    const reopened = await HotExitJournal.open(join(dir, 'hot-exit.json'), { notebookId: store.index.notebook.id, fs: (await openProtection(dir, PASS)).fs })
    expect(JSON.stringify(reopened.leftover)).toContain(`Unsaved words about ${SECRET}`)
  })

  it('never hands a plaintext byte to the disk, not even to a temp file that is renamed or removed a moment later', async () => {
    const dir = await tempDir()
    const { articleId } = await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    const { cipher } = await openProtection(dir, PASS)
    const written: Array<{ path: string; bytes: Buffer }> = []
    const { realFs } = await import('../../src-main/core/store/fs-ops')
    const recording: FsOps = {
      ...realFs,
      open: (async (path: string, flags?: string, mode?: number) => {
        const handle = await realFs.open(path, flags, mode)
        if (!flags || !/[wax+]/.test(flags)) return handle
        const keep = (data: unknown) => written.push({ path, bytes: Buffer.from(data as Uint8Array) })
        return new Proxy(handle, {
          get(target, prop) {
            if (prop === 'writeFile') return async (data: Uint8Array) => (keep(data), target.writeFile(data))
            if (prop === 'writev') return async (bufs: Uint8Array[]) => (bufs.forEach(keep), target.writev(bufs))
            if (prop === 'write') return async (data: Uint8Array, ...rest: unknown[]) => (keep(data), (target.write as (...a: unknown[]) => unknown)(data, ...rest))
            const v = Reflect.get(target, prop) as unknown
            return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
          },
        })
      }) as FsOps['open'],
    }
    const fs = encryptedFs(cipher!, dir, recording)
    const { store, services } = await open(dir, fs)
    await services.saveArticleNotes(articleId, `<p>Typed while protected: ${SECRET}.</p>`)
    await services.createArticle({ title: `New ${SECRET}`, text: `About ${SECRET}.` })
    await services.importFiles([{ name: 'second.txt', bytes: new TextEncoder().encode(`Imported ${SECRET} again.`) }])
    await store.flush()
    await createSnapshot(dir, { reason: 'manual', fs })
    await close(store)
    expect(written.length).toBeGreaterThan(5)
    expect(written.some((w) => w.path.endsWith('.tmp'))).toBe(true)
    const leaked = written.filter((w) => w.path.startsWith(dir) && !w.path.endsWith('.lock') && (w.bytes.includes(Buffer.from(SECRET)) || !isSealed(w.bytes)))
    expect(leaked.map((w) => relative(dir, w.path))).toEqual([])
  })

  it('a spare temp file made ahead is sealed like any other: filled, renamed and read back whole', async () => {
    const dir = await tempDir()
    await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    const { fs } = await openProtection(dir, PASS)
    const renamed: string[] = []
    const logging: FsOps = { ...fs, rename: async (from, to) => (renamed.push(basename(String(from))), fs.rename(from, to)) }
    const folders = new OpenFolders(logging)
    const path = join(dir, 'articles', 'spare-check.json')
    await atomicWrite(path, `{"first": "${SECRET}"}`, logging, folders)
    await folders.sparesMade()
    await atomicWrite(path, `{"second": "${SECRET}"}`, logging, folders)
    expect(renamed[1]).toMatch(/^\.spare\./)
    expect(await fs.readFile(path, 'utf8')).toBe(`{"second": "${SECRET}"}`)
    expect(isSealed(await readFile(path))).toBe(true)
    await folders.sparesMade()
    expect(await plaintextHits(dir, SECRET)).toEqual([])
    await folders.close()
  })

  it('refuses a wrong or missing passphrase with a clear error and touches nothing', async () => {
    const dir = await tempDir()
    await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    const before = await folderBytes(dir)
    await expect(openProtection(dir, 'not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError)
    await expect(openProtection(dir, 'not the passphrase')).rejects.toThrow(/does not open this notebook; nothing was changed/)
    await expect(openProtection(dir, null)).rejects.toBeInstanceOf(PassphraseRequiredError)
    await expect(changePassphrase(dir, 'not the passphrase', NEW_PASS, { kdf: TEST_KDF })).rejects.toBeInstanceOf(WrongPassphraseError)
    await expect(unprotectNotebook(dir, 'not the passphrase', { kdf: TEST_KDF })).rejects.toBeInstanceOf(WrongPassphraseError)
    expect(await folderBytes(dir)).toEqual(before)
  })

  it('cannot be opened by the store without its key: refused before recovery could move files aside', async () => {
    const dir = await tempDir()
    await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    const before = await folderBytes(dir)
    await expect(assertReadable(dir, (await import('../../src-main/core/store/fs-ops')).realFs)).rejects.toBeInstanceOf(PassphraseRequiredError)
    await expect(assertReadable(dir, (await openProtection(dir, PASS)).fs)).resolves.toBeUndefined()
    expect(await folderBytes(dir)).toEqual(before)
  })

  it('detects a tampered article: its content is never served, and the store says the file is damaged', async () => {
    const dir = await tempDir()
    const { articleId } = await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    const path = join(dir, 'articles', `${articleId}.json`)
    const sealed = await readFile(path)
    sealed[sealed.length - 20]! ^= 0x01
    await writeFile(path, sealed)
    const { fs } = await openProtection(dir, PASS)
    await expect(fs.readFile(path)).rejects.toThrow(/altered or cut short/)
    const { store, services } = await open(dir, fs)
    const outcome = await services.getArticle(articleId).then(
      (view) => ({ view, error: null }),
      (error: unknown) => ({ view: null, error }),
    )
    // Either the store restored the article from the backup (and says so) or it refuses it; the bytes are never used.
    if (outcome.view) expect(store.notices.join(' ')).toMatch(/damaged|restored|backup/i)
    else expect(String(outcome.error)).toMatch(/damaged|altered/)
    expect(await readFile(path).then((b) => b.equals(sealed))).toBe(false)
  })

  it('a swapped-in file from another notebook or another key is refused as well', async () => {
    const a = await tempDir()
    const b = await tempDir()
    const { articleId } = await seeded(a)
    await seeded(b)
    await protectNotebook(a, PASS, { kdf: TEST_KDF })
    await protectNotebook(b, PASS, { kdf: TEST_KDF })
    const foreign = (await allFiles(join(b, 'articles')))[0]!
    await writeFile(join(a, 'articles', `${articleId}.json`), await readFile(foreign))
    const { fs } = await openProtection(a, PASS)
    await expect(fs.readFile(join(a, 'articles', `${articleId}.json`))).rejects.toThrow(/another key/)
  })

  it('changing the passphrase re-encrypts every file under a new key; the old passphrase opens nothing', async () => {
    const dir = await tempDir()
    const { articleId } = await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    const oldGeneration = (await readKeyFile(dir))!.generation
    const oldKeyFile = await readFile(join(dir, KEY_FILE))
    await changePassphrase(dir, PASS, NEW_PASS, { kdf: TEST_KDF })
    const generation = (await readKeyFile(dir))!.generation
    expect(generation).not.toBe(oldGeneration)
    for (const f of await allFiles(dir)) if (relative(dir, f) !== KEY_FILE) expect(sealedGeneration(await readFile(f)), relative(dir, f)).toBe(generation)
    await expect(openProtection(dir, PASS)).rejects.toBeInstanceOf(WrongPassphraseError)
    const { services } = await open(dir, (await openProtection(dir, NEW_PASS)).fs)
    expect((await services.getArticle(articleId)).notes).toContain(SECRET)
    // A copy of the old key file, with the old passphrase, no longer decrypts what is on disk.
    await writeFile(join(dir, 'old.key'), oldKeyFile)
    const oldCipher = await (await import('../../src-main/core/crypto/key-file')).unlockKeyFile(JSON.parse(oldKeyFile.toString('utf8')), PASS)
    expect(() => oldCipher.open(readFileSync(join(dir, 'notebook.json')), 'notebook.json')).toThrow(/another key/)
    expect(await plaintextHits(dir, SECRET)).toEqual([])
  })

  it('removing the protection gives back a plain notebook with everything in it', async () => {
    const dir = await tempDir()
    const { articleId } = await seeded(dir)
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    await unprotectNotebook(dir, PASS)
    expect(await readKeyFile(dir)).toBeNull()
    const { services } = await open(dir)
    expect((await services.getArticle(articleId)).notes).toContain(SECRET)
    for (const f of await allFiles(dir)) expect(isSealed(await readFile(f)), relative(dir, f)).toBe(false)
  })

  it('refuses a passphrase too short to protect with, and protecting twice', async () => {
    const dir = await tempDir()
    await seeded(dir)
    await expect(protectNotebook(dir, 'short', { kdf: TEST_KDF })).rejects.toThrow(/at least 8 characters/)
    expect(await readKeyFile(dir)).toBeNull()
    await protectNotebook(dir, PASS, { kdf: TEST_KDF })
    await expect(protectNotebook(dir, PASS, { kdf: TEST_KDF })).rejects.toThrow(/already protected/)
  })

  it('only the files of the notebook folder are sealed: an export saved elsewhere is the analyst\'s plain file', async () => {
    const dir = await tempDir()
    const outside = await tempDir()
    const fs = encryptedFs(FileCipher.generate(), dir)
    const { atomicWrite } = await import('../../src-main/core/store/atomic-write')
    await atomicWrite(join(outside, 'brief.md'), `# ${SECRET}`, fs)
    await atomicWrite(join(dir, 'inside.json'), `{"x":"${SECRET}"}`, fs)
    expect((await readFile(join(outside, 'brief.md'), 'utf8')).startsWith('# ')).toBe(true)
    expect(await plaintextHits(dir, SECRET)).toEqual([])
  })
})

