import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import MarkdownIt from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { cli } from '../../helpers/cli'
import { useTempDirs } from '../../helpers/temp-dir'

const tempDir = useTempDirs()

/** A notebook made through the CLI itself: one article, a graded claim and its source, both tagged. */
async function notebook(): Promise<{ store: string; dir: string; articleId: string }> {
  const dir = await tempDir()
  const store = join(dir, 'nb')
  const file = join(dir, 'report.txt')
  await writeFile(file, 'Officials weigh reports.\n\nAbout 10,000 soldiers moved to the border, the intelligence service said on Tuesday.\n')
  const imported = await cli('--store', store, 'import', file)
  expect(imported.code).toBe(0)
  const articleId = imported.stdout.trim()
  const source = await cli('--store', store, 'annotate', articleId, '--kind', 'source', '--quote', 'the intelligence service', '--reliability', 'B', '--source-name', 'NIS', '--tag', 'troops')
  await cli('--store', store, 'annotate', articleId, '--kind', 'claim', '--quote', 'About 10,000 soldiers moved to the border', '--status', 'corroborated', '--credibility', '2', '--likelihood', 'likely', '--confidence', 'moderate', '--source-annotation', source.stdout.trim(), '--tag', 'troops')
  return { store, dir, articleId }
}

describe('CLI: brief create and export', () => {
  it('creates a brief from a tag and a status, and exports it as Markdown with resolving footnotes', async () => {
    const { store, dir } = await notebook()
    const created = await cli('--store', store, 'brief', 'create', '--title', 'Troops: <b>outlook</b>', '--from-tag', 'troops', '--status', 'corroborated', '--caveat', 'OFFICIAL')
    expect(created).toMatchObject({ code: 0, stderr: '' })
    const briefId = created.stdout.trim()
    expect(briefId).toMatch(/^brf_/)
    const out = join(dir, 'brief.md')
    const exported = await cli('--store', store, 'export', '--brief', briefId, '--format', 'md', '--out', out)
    expect(exported).toMatchObject({ code: 0, stdout: `${out}\n`, stderr: '' })
    const md = await readFile(out, 'utf8')
    const html = new MarkdownIt('commonmark').use(footnote).render(md)
    expect(html).toContain('About 10,000 soldiers moved to the border')
    expect(html).toContain('B2 (source usually reliable; information probably true) · corroborated · likely (55–80%) · moderate confidence')
    expect(html).toContain('class="footnotes"')
    expect(html).not.toContain('<b>outlook</b>')
    // Status "corroborated" selects claims, so the tagged source is not in the evidence.
    expect(md).not.toContain('Registry entry')
    const listed = await cli('--store', store, 'brief', 'list')
    expect(listed.stdout).toContain(`${briefId}  `)
  }, 60000)

  it('exports articles in every format but PDF, and the whole notebook as JSON that a fresh notebook imports', async () => {
    const { store, dir, articleId } = await notebook()
    for (const format of ['html', 'docx', 'json', 'w3c']) {
      const out = join(dir, `a.${format}`)
      const r = await cli('--store', store, 'export', '--article', articleId, '--format', format, '--out', out)
      expect(r.code, r.stderr).toBe(0)
      expect((await readFile(out)).byteLength).toBeGreaterThan(200)
    }
    const all = await cli('--store', store, 'export', '--all', '--format', 'json', '--out', join(dir, 'all.json'))
    expect(all.code).toBe(0)
    const data = JSON.parse(await readFile(join(dir, 'all.json'), 'utf8'))
    expect(data.format).toBe('intel-notebook-export')
    expect(data.articles).toHaveLength(1)
    const fresh = join(dir, 'fresh')
    const imported = await cli('--store', fresh, 'import', join(dir, 'all.json'))
    expect(imported.code, imported.stderr).toBe(0)
    expect((await cli('--store', fresh, 'list')).stdout).toContain('report')
  }, 60000)

  it('names a notebook export .intelnotebook by default, and imports it under that name or as .json', async () => {
    const { store, dir } = await notebook()
    const { runCli } = await import('../../../src-main/cli/run')
    const cwd = process.cwd()
    let stdout = ''
    process.chdir(dir)
    try {
      const code = await runCli(['--store', store, 'export', '--all', '--format', 'json'], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => {} } })
      expect(code).toBe(0)
    } finally {
      process.chdir(cwd)
    }
    const saved = stdout.trim()
    expect(saved).toMatch(/\.intelnotebook$/)
    const bytes = await readFile(saved)
    expect(JSON.parse(bytes.toString('utf8')).format).toBe('intel-notebook-export')
    await writeFile(join(dir, 'copy.json'), bytes)
    for (const file of [saved, join(dir, 'copy.json')]) {
      const fresh = join(dir, `fresh-${file.endsWith('.json') ? 'json' : 'bundle'}`)
      const imported = await cli('--store', fresh, 'import', file)
      expect(imported.code, imported.stderr).toBe(0)
      expect((await cli('--store', fresh, 'list')).stdout).toContain('report')
    }
  }, 60000)

  it('explains bad usage in one sentence and exits non-zero', async () => {
    const { store, dir } = await notebook()
    const cases: Array<[string[], RegExp]> = [
      [['export', '--format', 'md'], /exactly one of --brief ID, --article ID\.\.\. or --all/],
      [['export', '--all', '--format', 'rtf'], /--format must be one of: md, html, docx, pdf, json, w3c/],
      [['export', '--brief', 'brf_0000000000000000', '--format', 'md', '--out', join(dir, 'x.md')], /no brief with id brf_0000000000000000/],
      [['export', '--all', '--format', 'md', '--out', join(dir, 'missing', 'x.md')], /Cannot write .*x\.md .*check that the folder exists/],
      [['brief', 'create'], /Give the brief a title/],
      [['brief', 'create', '--title', 'T', '--status', 'maybe'], /--status must be one of/],
    ]
    for (const [args, message] of cases) {
      const r = await cli('--store', store, ...args)
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  }, 60000)

  it('says what to install when PDF export finds no Chromium', async () => {
    const { store, dir } = await notebook()
    const saved = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = join(dir, 'no-chromium-here')
    try {
      const r = await cli('--store', store, 'export', '--all', '--format', 'pdf', '--out', join(dir, 'x.pdf'))
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/PDF export needs Chromium.*apt-get install chromium/)
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = saved
    }
  }, 60000)
})
