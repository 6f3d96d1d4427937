/** Resolves `electron` to the stub beside this file; everything else resolves as usual. */
const STUB = new URL('./electron-stub.mjs', import.meta.url).href
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true }
  return next(specifier, context)
}
