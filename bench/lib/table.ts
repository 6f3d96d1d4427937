/** A plain-text table: the first row is the header, columns padded to their widest cell. */
export function table(rows: ReadonlyArray<readonly string[]>): string[] {
  const widths: number[] = []
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)))
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd()
  return [line(rows[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
}

/** The verdict beside a figure: the target, and whether this run met it. */
export function verdict(met: boolean, target: string): string {
  return `${target} ${met ? 'met' : 'MISSED'}`
}
