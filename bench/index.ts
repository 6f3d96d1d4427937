/**
 * The benchmark runner: `npm run bench` runs every section, `npm run bench -- store search` the ones named.
 * Words after the section names (such as `--size S`) are passed to the sections. Figures are printed, never
 * asserted in tests; the exit code is 1 when a section reports a missed target.
 */
import { SECTIONS } from './sections'

async function main(argv: string[]): Promise<number> {
  const names = argv.filter((a) => !a.startsWith('-') && SECTIONS.some((s) => s.name === a))
  const unknown = argv.filter((a, i) => !a.startsWith('-') && !names.includes(a) && !argv[i - 1]?.startsWith('--'))
  if (unknown.length) {
    process.stderr.write(`bench: no section named ${unknown.map((u) => `"${u}"`).join(', ')}. Sections: ${SECTIONS.map((s) => s.name).join(', ')}.\n`)
    return 2
  }
  const chosen = names.length ? SECTIONS.filter((s) => names.includes(s.name)) : SECTIONS
  const args = argv.filter((a) => !names.includes(a))
  let ok = true
  for (const section of chosen) {
    console.log(`\n== ${section.name}: ${section.title}`)
    const started = performance.now()
    try {
      if ((await section.run({ out: (line) => console.log(line), args })) === false) ok = false
    } catch (err) {
      ok = false
      console.log(`   ${section.name} failed: ${(err as Error)?.stack ?? String(err)}`)
    }
    console.log(`   (${section.name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
  return ok ? 0 : 1
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
