/** What a benchmark section gets from the runner: where to print, and the command-line words after its name. */
export interface BenchContext {
  out: (line: string) => void
  args: string[]
}

/**
 * One named part of `npm run bench`. `run` prints its own table and resolves false when a target was missed,
 * so the whole run can exit non-zero; sections without targets resolve nothing.
 */
export interface BenchSection {
  name: string
  title: string
  run(ctx: BenchContext): Promise<boolean | void>
}
