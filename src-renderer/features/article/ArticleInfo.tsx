import { useState } from 'react'
import type { ArticleMeta } from '../../../src-main/shared/model/article'
import { displayDate } from '../library/library-model'
import { copyText } from '../../ui/copy-text'
import { formatName, importTimeText, originLabel, originName, sizeText } from './article-info'

/**
 * The article's provenance, for citing it and checking the evidence: where it came from, its format and size, the
 * SHA-256 of the original bytes (kept in the notebook under originals/) and when it was imported. Folded into one
 * line until opened; the bibliographic fields above it stay editable.
 */
export function ArticleInfo({ meta }: { meta: ArticleMeta }) {
  const p = meta.provenance
  const [copied, setCopied] = useState(false)
  const summary =
    p.origin === 'file' ? `Imported from ${p.name}` : p.origin === 'url' ? `Saved from ${p.name}` : p.origin === 'sample' ? 'Sample article, added' : 'Pasted'
  return (
    <details className="provenance article-info muted">
      <summary>
        {summary} on {displayDate(p.importedAt)} <span className="article-info-more">· Article info</span>
      </summary>
      <dl aria-label="Article info">
        <dt>{originLabel(p)}</dt>
        <dd className="info-origin">{originName(p)}</dd>
        <dt>Format</dt>
        <dd className="info-format">{formatName(p.mediaType)}</dd>
        <dt>Size</dt>
        <dd className="info-size">{sizeText(p.byteLength)}</dd>
        <dt>SHA-256</dt>
        <dd className="info-sha256">
          <code aria-label="SHA-256 of the original">{p.sha256}</code>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => setCopied(copyText(p.sha256))}
            onBlur={() => setCopied(false)}
            aria-label="Copy the SHA-256"
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </dd>
        <dt>Imported</dt>
        <dd className="info-imported">
          <time dateTime={p.importedAt}>{importTimeText(p.importedAt)}</time>
        </dd>
      </dl>
    </details>
  )
}
