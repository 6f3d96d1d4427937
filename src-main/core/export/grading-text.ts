import type { Claim } from '../../shared/model/annotation'
import {
  CONFIDENCE_MEANING,
  CREDIBILITY_MEANING,
  LIKELIHOOD_BAND,
  RELIABILITY_MEANING,
  type Confidence,
  type Credibility,
  type Likelihood,
  type Reliability,
} from '../../shared/model/grading'

/**
 * Grades in the words a reader of the brief needs: a code alone ("B2") means nothing to a policymaker, and ICD 203
 * asks that likelihood and confidence be stated in its own terms and kept apart.
 */
export function evidenceCodeWords(code: string): string {
  const r = RELIABILITY_MEANING[code[0] as Reliability]
  const c = CREDIBILITY_MEANING[code[1] as Credibility]
  if (!r || !c) return code
  return `source ${r.toLowerCase()}; information ${c.toLowerCase()}`
}

export function likelihoodWords(l: Likelihood | null): string {
  return l ? `${l} (${LIKELIHOOD_BAND[l]})` : 'likelihood not assessed'
}

export function confidenceWords(c: Confidence | null): string {
  return c ? `${c} confidence` : 'confidence not assessed'
}

export function confidenceMeaning(c: Confidence | null): string {
  return c ? CONFIDENCE_MEANING[c] : ''
}

export function reliabilityWords(r: Reliability | null): string {
  return r ? `${r}: ${RELIABILITY_MEANING[r].toLowerCase()}` : 'not graded'
}

/** One line for a claim: "B2 (source usually reliable; information probably true) · corroborated · likely (55–80%) · moderate confidence". */
export function claimGradingLine(claim: Claim, code: string): string {
  return [`${code} (${evidenceCodeWords(code)})`, claim.status, likelihoodWords(claim.likelihood), confidenceWords(claim.confidence)].join(' · ')
}
