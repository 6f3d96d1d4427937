/**
 * Fuzzing every channel of main's handler table (the very table main registers and the e2e harness drives) with
 * payloads a compromised window could send: anything structured clone can carry, and objects shaped like the real
 * input with hostile values. Each call must end in one clear sentence for the analyst, nothing may crash, and the
 * notebook folder must be byte for byte what it was. test/unit/main/register.test.ts covers a fixed list through
 * the Electron transport; this covers the space around it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { contract, type Method } from '../../src-main/shared/ipc-contract'
import { createHandlers, type HandlerTable, type ShellDeps } from '../../src-main/main/ipc/handlers'
import { NotebookStore } from '../../src-main/core/store/notebook-store'
import { createServices, type Services } from '../../src-main/core/services/notebook-services'
import { isUserError } from '../../src-main/core/errors'
import { newId } from '../../src-main/shared/model/ids'
import { ARTICLE_SENTENCE, docProblems } from './corpus'
import { appShellMocks } from '../helpers/app-shell-fake'

const methods = Object.keys(contract) as Method[]
// Sized for a shared two-core machine: the whole table is walked several hundred times per run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 40)

let dir = ''
let store: NotebookStore
let services: Services
let table: HandlerTable
let shell: { [K in keyof ShellDeps]: ReturnType<typeof vi.fn> }
let known: { article: string; annotation: string; source: string; brief: string }

/** Every file of the notebook folder with its bytes, by relative path. */
async function folderBytes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else out.set(relative(root, p), (await readFile(p)).toString('base64'))
    }
  }
  await walk(root)
  return out
}

beforeAll(async () => {
  // The fuzzed services may log what they refuse; the assertions are on the results, not the console.
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  dir = await mkdtemp(join(tmpdir(), 'intel-notebook-fuzz-'))
  store = await NotebookStore.open(dir, { holder: 'ipc fuzz' })
  services = createServices(store)
  shell = {
    pickImportFiles: vi.fn(async () => []),
    confirmOpenExternal: vi.fn(async () => true),
    openExternal: vi.fn(async () => {}),
    windowFlushed: vi.fn(),
    saveExport: vi.fn(async () => null),
    showInFolder: vi.fn(),
    printToPdf: vi.fn(async () => new Uint8Array()),
    exportProgress: vi.fn(),
    importProgress: vi.fn(),
    ...appShellMocks(),
  }
  table = createHandlers(() => services, shell as unknown as ShellDeps)
  const article = await services.createArticle({ title: 'Port report', text: `The port authority said ${ARTICLE_SENTENCE}. Agents disagreed.` })
  const annotation = await services.annotateQuote({ articleId: article.id, kind: 'source', quote: 'The port authority', sourceName: 'Port authority' })
  const source = services.listSources()[0]!
  const brief = await services.createBrief({ title: 'Brief' })
  known = { article: article.id, annotation: annotation.id, source: source.id, brief: brief.id }
  await store.flush()
})
afterAll(async () => {
  await store?.close()
  await rm(dir, { recursive: true, force: true })
  vi.restoreAllMocks()
})

/** Values chosen to break validators and services: wrong kinds of ids, paths, prototype keys, odd numbers and types. */
function nastyValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      '../../etc/passwd',
      '..\\..\\Windows\\win.ini',
      'C:\\Users\\analyst\\.ssh\\id_rsa',
      '\\\\host\\share\\x',
      'file:///etc/passwd',
      'javascript:alert(1)',
      '<img src=x onerror=alert(1)>',
      'art_0000000000000000',
      'ann_0000000000000000',
      'src_0000000000000000',
      'brf_0000000000000000',
      'lnk_0000000000000000',
      'art_../../../../../x',
      '',
      '\u0000',
      'x'.repeat(70_000),
      NaN,
      Infinity,
      -1,
      2 ** 53,
      -0,
      null,
      undefined,
      true,
      [],
      {},
      { __proto__: { polluted: true } },
      JSON.parse('{"__proto__":{"polluted":true}}'),
      { constructor: { prototype: { polluted: true } } },
      { type: 'doc', content: [{ type: 'text', text: '' }] },
      { type: 'doc', content: [{ type: 'nonsense' }] },
      { type: 'doc', content: 'not a list' },
      new Uint8Array([0, 1, 2]),
      new Date(NaN),
      new Map([['id', 'x']]),
      new Set([1]),
      10n,
    ),
    fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
  )
}

/** Objects with the input's own keys (some missing, some extra) holding nasty values: past the first line of any validator. */
function nearValid(method: Method): fc.Arbitrary<unknown> {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape
  const keys = shape ? Object.keys(shape) : ['id', 'text', 'target']
  return fc
    .record({
      present: fc.subarray(keys),
      values: fc.array(nastyValue(), { minLength: keys.length, maxLength: keys.length }),
      extra: fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'path', 'file', 'extra'), nastyValue()), { nil: null }),
    })
    .map(({ present, values, extra }) => {
      const o: Record<string, unknown> = {}
      present.forEach((k) => (o[k] = values[keys.indexOf(k)]))
      if (extra) Object.defineProperty(o, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true })
      return o
    })
}

function invalidPayload(method: Method): fc.Arbitrary<unknown> {
  return fc.oneof(nastyValue(), nearValid(method)).filter((p) => {
    try {
      return !contract[method].input.safeParse(p).success
    } catch {
      // A payload the validator itself chokes on is the most interesting one to send.
      return true
    }
  })
}

async function outcome(method: Method, payload: unknown): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await table[method](payload)
    return { ok: true }
  } catch (error) {
    return { ok: false, error }
  }
}

/** One sentence for people: no stack, no object dump, ends with a full stop. */
function isClearSentence(message: string): boolean {
  return message.length > 10 && message.length < 2000 && !/\n\s+at |\[object Object\]/.test(message) && /[.!?)]$/.test(message.trim())
}

describe('the handler table under fuzzing', () => {
  let before: Map<string, string>
  beforeAll(async () => {
    before = await folderBytes(dir)
    expect(before.size).toBeGreaterThan(2)
  })

  it.each(methods)('%s refuses every invalid payload with one clear sentence', async (method) => {
    const channel = contract[method].channel
    await fc.assert(
      fc.asyncProperty(invalidPayload(method), async (payload) => {
        const result = await outcome(method, payload)
        expect(result.ok, `${channel} accepted ${fc.stringify(payload)}`).toBe(false)
        const error = (result as { error: unknown }).error
        expect(isUserError(error), `${channel}: ${String(error)}`).toBe(true)
        expect((error as Error).message).toMatch(new RegExp(`^Invalid request to ${channel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
        expect(isClearSentence((error as Error).message), (error as Error).message).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('bodies that pass the contract but not the schema are refused, and any accepted body is stored clean', async () => {
    const node: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      node: fc.record(
        {
          type: fc.constantFrom('paragraph', 'heading', 'text', 'bulletList', 'listItem', 'blockquote', 'hardBreak', 'image', 'iframe', 'codeBlock', 'doc'),
          text: fc.oneof(fc.constant(''), fc.string({ maxLength: 8 })),
          attrs: fc.dictionary(fc.constantFrom('level', 'href', 'onclick', 'src', 'style', 'start'), nastyValue(), { maxKeys: 2 }),
          marks: fc.array(fc.record({ type: fc.constantFrom('bold', 'link', 'claim', 'script', 'code'), attrs: fc.dictionary(fc.constantFrom('href', 'id', 'onclick'), nastyValue(), { maxKeys: 2 }) }), { maxLength: 2 }),
          content: fc.array(tie('node'), { maxLength: 3 }),
        },
        { requiredKeys: ['type'] },
      ),
    })).node
    const doc = fc.record({ type: fc.constant('doc'), content: fc.array(node, { maxLength: 3 }) })
    const seen = { accepted: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(doc, async (d) => {
        const snapshot = await folderBytes(dir)
        const result = await outcome('saveArticleBody', { id: known.article, doc: d })
        await store.flush()
        seen[result.ok ? 'accepted' : 'refused']++
        if (result.ok) {
          const view = await services.getArticle(known.article)
          expect(docProblems(view.doc)).toEqual([])
          const stored = JSON.parse(await readFile(store.layout.article(known.article), 'utf8'))
          expect(docProblems(stored.doc)).toEqual([])
          before = await folderBytes(dir)
        } else {
          expect(isUserError(result.error), String(result.error)).toBe(true)
          expect(isClearSentence((result.error as Error).message), (result.error as Error).message).toBe(true)
          expect(await folderBytes(dir)).toEqual(snapshot)
        }
      }),
      {
        numRuns: RUNS * 2,
        // Random trees rarely fit the schema; these two make sure both branches run on every seed.
        examples: [
          [{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Harbour', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] }],
          [{ type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://example.com' } }] }],
        ],
      },
    )
    // Both branches must have run, or the property says nothing about one of them.
    expect(seen.accepted).toBeGreaterThan(0)
    expect(seen.refused).toBeGreaterThan(0)
  })

  it('payloads naming records that do not exist are refused and change nothing', async () => {
    const missing = { article: newId('article'), annotation: newId('annotation'), source: newId('source'), brief: newId('brief'), link: newId('link') }
    const calls: Array<[Method, unknown]> = [
      ['getArticle', { id: missing.article }],
      ['updateArticleFields', { id: missing.article, fields: { title: 'x' } }],
      ['saveArticleBody', { id: missing.article, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] } }],
      ['saveArticleNotes', { id: missing.article, notes: '<p>x</p>' }],
      ['deleteArticle', { id: missing.article }],
      ['createAnnotation', { articleId: missing.article, id: missing.annotation, kind: 'claim', doc: { type: 'doc' } }],
      ['updateAnnotation', { articleId: known.article, id: missing.annotation, patch: { note: '<p>x</p>' } }],
      ['updateAnnotation', { articleId: missing.article, id: known.annotation, patch: { tags: ['x'] } }],
      ['deleteAnnotation', { articleId: known.article, id: missing.annotation, doc: { type: 'doc' } }],
      ['updateSource', { id: missing.source, patch: { name: 'x' } }],
      ['updateAnnotation', { articleId: known.article, id: known.annotation, patch: { registryId: missing.source } }],
      ['createLink', { type: 'supports', from: { articleId: known.article, annotationId: known.annotation }, to: { articleId: missing.article, annotationId: missing.annotation } }],
      ['updateBrief', { id: missing.brief, patch: { title: 'x' } }],
      ['deleteBrief', { id: missing.brief }],
      ['briefEvidence', { id: missing.brief }],
      ['exportPreview', { target: { kind: 'brief', id: missing.brief } }],
      ['exportSave', { target: { kind: 'articles', ids: [missing.article] }, format: 'html' }],
      ['mergeSources', { keepId: known.source, mergeId: missing.source }],
      ['answerQuestion', { articleId: known.article, id: missing.annotation, answer: 'x', evidence: [] }],
    ]
    const snapshot = await folderBytes(dir)
    for (const [method, payload] of calls) {
      if (!(method in contract)) continue
      expect(contract[method].input.safeParse(payload).success, `${method} payload should pass the contract`).toBe(true)
      const result = await outcome(method, payload)
      expect(result.ok, `${method} accepted ${JSON.stringify(payload)}`).toBe(false)
      const error = (result as { error: unknown }).error
      expect(isUserError(error), `${method}: ${String(error)}`).toBe(true)
      expect(isClearSentence((error as Error).message), (error as Error).message).toBe(true)
    }
    await store.flush()
    expect(await folderBytes(dir)).toEqual(snapshot)
  })

  afterAll(async () => {
    await store.flush()
    expect(await folderBytes(dir)).toEqual(before)
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(shell.pickImportFiles).not.toHaveBeenCalled()
    expect(shell.saveExport).not.toHaveBeenCalled()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
