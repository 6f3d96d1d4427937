import { newAnnotation, type Annotation, type AnnotationKind } from '../../../../src-main/shared/model/annotation'
import type { ArticleMeta } from '../../../../src-main/shared/model/article'
import type { RegistryEntry } from '../../../../src-main/shared/model/source'

const NOW = '2024-05-01T10:00:00.000Z'

export function ann(kind: AnnotationKind, id: string, start: number, extra: Partial<Annotation> = {}): Annotation {
  const base = newAnnotation(kind, id, { exact: `text ${id}`, prefix: '', suffix: '', start, end: start + 5 }, NOW)
  return { ...base, ...extra } as Annotation
}

export function entry(id: string, name: string, reliability: RegistryEntry['reliability'], aliases: string[] = []): RegistryEntry {
  return { id, name, type: 'organisation', reliability, aliases, note: '', createdAt: NOW, updatedAt: NOW }
}

export function article(id: string, title: string, outlet: string, publishedAt: string, createdAt = NOW): ArticleMeta {
  return {
    id,
    title,
    outlet,
    byline: '',
    publishedAt,
    url: '',
    language: '',
    excerpt: '',
    createdAt,
    updatedAt: createdAt,
    provenance: { origin: 'paste', name: '', sha256: '0'.repeat(64), importedAt: createdAt, mediaType: 'text/plain', byteLength: 0 },
    counts: { claim: 0, source: 0, question: 0 },
  }
}
