import { memo } from 'react'
import { ANNOTATION_KINDS } from '../../../src-main/shared/model/annotation'
import { Kbd } from '../../ui/Kbd'
import { KIND_LABEL } from './panel-model'

const UNDERLINE_WORD = { claim: 'solid', source: 'dotted', question: 'wavy' } as const
const SHORTCUT = { claim: 'tagClaim', source: 'tagSource', question: 'tagQuestion' } as const

/** The three kinds as they look in the text: colour, underline style and the shortcut that makes one. */
export const Legend = memo(function Legend() {
  return (
    <ul className="legend" aria-label="Annotation kinds">
      {ANNOTATION_KINDS.map((kind) => (
        <li key={kind}>
          <mark className={`anno anno-${kind} legend-sample`} data-kind={kind}>
            {KIND_LABEL[kind].one}
          </mark>
          <span className="legend-underline muted">{UNDERLINE_WORD[kind]}</span>
          <Kbd name={SHORTCUT[kind]} />
        </li>
      ))}
    </ul>
  )
})
