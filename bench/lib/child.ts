import { spawn } from 'node:child_process'

/**
 * Runs a TypeScript probe in a fresh process (through tsx) and returns the JSON it prints last. Used for figures
 * that must not share a heap with the runner: the memory of a process that holds only the store, and a single-file
 * lowdb that needs gigabytes.
 */
export function runProbe<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.on('error', reject)
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? ''
      try {
        if (code !== 0) throw new Error(`exit ${code}`)
        resolve(JSON.parse(last) as T)
      } catch (err) {
        reject(new Error(`${script} failed (${(err as Error).message}): ${stderr.slice(-2000) || stdout.slice(-2000)}`))
      }
    })
  })
}
