import type { AnnotationKind, Claim, Question } from './annotation'
import type { LinkType } from './link'
import type { RegistryEntry } from './source'

/** One end of a link as a panel or the ledger shows it: enough to name it and jump to it. */
export interface LinkEnd {
  linkId: string
  type: LinkType
  /** 'out' when this annotation is the link's "from" (it supports…), 'in' when it is the "to" (…is supported by). */
  direction: 'out' | 'in'
  articleId: string
  articleTitle: string
  annotationId: string
  kind: AnnotationKind | null
  quote: string
}

export interface LedgerSource {
  annotationId: string
  quote: string
  registryId: string | null
  name: string
  reliability: string
  chain: string[]
}

export interface LedgerRow {
  articleId: string
  articleTitle: string
  outlet: string
  publishedAt: string
  claim: Claim
  sources: LedgerSource[]
  evidenceCode: string
  links: LinkEnd[]
  /** Everything that supports it traces back to one registry entry or one attribution chain. */
  singleSource: boolean
  /** Another annotation contradicts it. */
  contested: boolean
}

export interface RegistryRow {
  entry: RegistryEntry
  /** Source annotations that name the entry. */
  mentions: number
  /** Claims attributed to one of those annotations. */
  claims: number
  articles: Array<{ id: string; title: string }>
}

export interface QuestionRow {
  articleId: string
  articleTitle: string
  question: Question
  /** What answers it, resolved so the tracker can show and open it. */
  evidence: Array<{ articleId: string; articleTitle: string; annotationId: string | null; kind: AnnotationKind | null; quote: string }>
}

export interface SuggestionView {
  id: string
  kind: 'source' | 'claim'
  start: number
  end: number
  quote: string
  /** The reporting pattern that found it, in words: "X said", "according to X"… */
  pattern: string
  /** For a source: the registry entry it would reuse, when one already has this name. */
  registryId: string | null
  registryName: string | null
  /** For a claim: the id of the source suggestion it is attributed to. */
  sourceSuggestionId: string | null
}
