import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { newId } from '../../../../src-main/shared/model/ids'
import type { NotebookStore } from '../../../../src-main/core/store/notebook-store'
import { useTempDirs } from '../../../helpers/temp-dir'
import { fillableDisk } from '../../../helpers/fillable-disk'
import { articleFile, fakeMeta, openStore } from './store-fixtures'

const tempDir = useTempDirs()

/** What the notebook should hold, kept the simplest way: the list, its titles and notes, and the tags. */
interface Model {
  order: string[]
  articles: Map<string, { title: string; notes: string }>
  tags: string[]
}

interface Real {
  dir: string
  store: NotebookStore
}

/** The disk can fill up between any two operations; writes then fail, and the edits must wait in memory. */
const { fs, disk } = fillableDisk()

/** A little spacing, so bursts really wait and join while the other files go on being written; retries wait for Heal. */
const open = (dir: string) => openStore(dir, { fs, spacing: { article: 5, index: 0 }, retry: { first: 60_000, max: 60_000 } })
const opened: NotebookStore[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

async function expectSame(model: Model, store: NotebookStore): Promise<void> {
  expect(store.index.articles.map((a) => a.id)).toEqual(model.order)
  expect(store.index.articles.map((a) => a.title)).toEqual(model.order.map((id) => model.articles.get(id)!.title))
  expect(store.index.tags).toEqual(model.tags)
  for (const id of model.order) expect((await store.readArticle(id)).notes).toBe(model.articles.get(id)!.notes)
}

const pick = (model: Model, n: number) => model.order[n % model.order.length]!
/** A write refused by a full disk rejects the call but keeps its change in memory: the model takes it either way. */
const settle = (p: Promise<unknown>) => p.catch((err: Error) => expect(err.message).toMatch(/^The disk is full/))
const text = fc.string({ unit: 'grapheme', maxLength: 30 })
const title = fc.stringMatching(/^[A-Za-zÀ-ÿ]{1,12}( [A-Za-zÀ-ÿ]{1,12})?$/)

class AddArticle implements fc.AsyncCommand<Model, Real> {
  constructor(readonly title: string) {}
  check = () => true
  async run(model: Model, real: Real) {
    const id = newId('article')
    await Promise.all([settle(real.store.createArticleFile(articleFile(id))), settle(real.store.updateIndex((ix) => void ix.articles.push(fakeMeta(id, this.title))))])
    model.order.push(id)
    model.articles.set(id, { title: this.title, notes: '' })
  }
  toString = () => `add(${JSON.stringify(this.title)})`
}

class SetNotes implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly n: number,
    readonly notes: string,
  ) {}
  check = (m: Readonly<Model>) => m.order.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model, this.n)
    await settle(real.store.updateArticle(id, (f) => void (f.notes = this.notes)))
    model.articles.get(id)!.notes = this.notes
    expect((await real.store.readArticle(id)).notes).toBe(this.notes)
  }
  toString = () => `notes(${this.n}, ${JSON.stringify(this.notes)})`
}

/** Edits sent without waiting for each other, as a window typing fast would: the last one wins, on disk too. */
class Burst implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly n: number,
    readonly edits: string[],
  ) {}
  check = (m: Readonly<Model>) => m.order.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model, this.n)
    await Promise.all(this.edits.map((e) => settle(real.store.updateArticle(id, (f) => void (f.notes = e)))))
    model.articles.get(id)!.notes = this.edits.at(-1)!
  }
  toString = () => `burst(${this.n}, ${JSON.stringify(this.edits)})`
}

class AddTag implements fc.AsyncCommand<Model, Real> {
  constructor(readonly tag: string) {}
  check = () => true
  async run(model: Model, real: Real) {
    await settle(
      real.store.updateIndex((ix) => {
        if (!ix.tags.includes(this.tag)) ix.tags.push(this.tag)
      }),
    )
    if (!model.tags.includes(this.tag)) model.tags.push(this.tag)
  }
  toString = () => `tag(${JSON.stringify(this.tag)})`
}

class Delete implements fc.AsyncCommand<Model, Real> {
  constructor(readonly n: number) {}
  check = (m: Readonly<Model>) => m.order.length > 0
  async run(model: Model, real: Real) {
    const id = pick(model, this.n)
    await settle(real.store.updateIndex((ix) => void (ix.articles = ix.articles.filter((a) => a.id !== id))))
    await settle(real.store.deleteArticleFile(id))
    model.order = model.order.filter((x) => x !== id)
    model.articles.delete(id)
  }
  toString = () => `delete(${this.n})`
}

class DiskFull implements fc.AsyncCommand<Model, Real> {
  check = () => !disk.full
  async run() {
    disk.full = true
  }
  toString = () => 'disk full'
}

/** Space comes back: the failed writes are retried and everything kept in memory reaches the disk. */
async function heal(real: Real): Promise<void> {
  disk.full = false
  real.store.retryFailedWrites()
  await real.store.flush()
  expect(real.store.failingFiles).toEqual([])
  expect(real.store.pendingWrites).toBe(0)
}

class Heal implements fc.AsyncCommand<Model, Real> {
  check = () => disk.full
  async run(_model: Model, real: Real) {
    await heal(real)
  }
  toString = () => 'space back'
}

class Reopen implements fc.AsyncCommand<Model, Real> {
  check = () => true
  async run(model: Model, real: Real) {
    await heal(real)
    await real.store.close()
    real.store = await open(real.dir)
    opened.push(real.store)
    expect(real.store.notices).toEqual([])
    await expectSame(model, real.store)
  }
  toString = () => 'reopen'
}

describe('the store against a model', () => {
  it('agrees with a simple in-memory model after any sequence of operations, full disks and reopens', async () => {
    const commands = fc.commands(
      [
        title.map((t) => new AddArticle(t)),
        fc.tuple(fc.nat(), text).map(([n, t]) => new SetNotes(n, t)),
        fc.tuple(fc.nat(), fc.array(text, { minLength: 2, maxLength: 8 })).map(([n, e]) => new Burst(n, e)),
        text.map((t) => new AddTag(t)),
        fc.nat().map((n) => new Delete(n)),
        fc.constant(new Reopen()),
        fc.constant(new DiskFull()),
        fc.constant(new Heal()),
      ],
      { maxCommands: 40 },
    )
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        disk.full = false
        const dir = await tempDir()
        const real: Real = { dir, store: await open(dir) }
        opened.push(real.store)
        const model: Model = { order: [], articles: new Map(), tags: [] }
        await fc.asyncModelRun(() => ({ model, real }), cmds)
        await heal(real)
        await real.store.close()
        const again = await open(dir)
        opened.push(again)
        await expectSame(model, again)
      }),
      { numRuns: 60 },
    )
  }, 120_000)
})
