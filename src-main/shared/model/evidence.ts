import type { Annotation, Claim, SourceAnnotation } from './annotation'
import type { RegistryEntry } from './source'
import { bestReliability, evidenceCode, type Reliability } from './grading'

/**
 * The reliability a source annotation carries: its own grade in context, else the registry entry's grade.
 */
export function sourceReliability(source: SourceAnnotation, registry: ReadonlyMap<string, RegistryEntry>): Reliability | null {
  if (source.reliability) return source.reliability
  return source.registryId ? (registry.get(source.registryId)?.reliability ?? null) : null
}

/** The evidence code of a claim: the best reliability of the sources it is attributed to × its credibility. */
export function claimEvidenceCode(
  claim: Claim,
  annotationsById: ReadonlyMap<string, Annotation>,
  registry: ReadonlyMap<string, RegistryEntry>,
): string {
  const grades = claim.sourceIds.map((id) => {
    const a = annotationsById.get(id)
    return a && a.kind === 'source' ? sourceReliability(a, registry) : null
  })
  return evidenceCode(bestReliability(grades), claim.credibility)
}
