/** Admiralty/NATO grades and ICD 203 estimative language, with the words analysts read in tooltips and exports. */

export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type Reliability = (typeof RELIABILITY)[number]
export const RELIABILITY_MEANING: Record<Reliability, string> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
}

export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const
export type Credibility = (typeof CREDIBILITY)[number]
export const CREDIBILITY_MEANING: Record<Credibility, string> = {
  '1': 'Confirmed by other sources',
  '2': 'Probably true',
  '3': 'Possibly true',
  '4': 'Doubtful',
  '5': 'Improbable',
  '6': 'Truth cannot be judged',
}

/** ICD 203 likelihood terms, lowest to highest, with the probability band each one stands for. */
export const LIKELIHOOD = [
  'almost no chance',
  'very unlikely',
  'unlikely',
  'roughly even chance',
  'likely',
  'very likely',
  'almost certain',
] as const
export type Likelihood = (typeof LIKELIHOOD)[number]
export const LIKELIHOOD_BAND: Record<Likelihood, string> = {
  'almost no chance': '01–05%',
  'very unlikely': '05–20%',
  unlikely: '20–45%',
  'roughly even chance': '45–55%',
  likely: '55–80%',
  'very likely': '80–95%',
  'almost certain': '95–99%',
}

export const CONFIDENCE = ['low', 'moderate', 'high'] as const
export type Confidence = (typeof CONFIDENCE)[number]
export const CONFIDENCE_MEANING: Record<Confidence, string> = {
  low: 'Low confidence: questionable or fragmentary information',
  moderate: 'Moderate confidence: credibly sourced and plausible, not corroborated enough for more',
  high: 'High confidence: high-quality information from several sources',
}

export const CLAIM_STATUS = ['unverified', 'corroborated', 'contradicted', 'disputed', 'retracted'] as const
export type ClaimStatus = (typeof CLAIM_STATUS)[number]

export const QUESTION_STATUS = ['open', 'answered', 'dropped'] as const
export type QuestionStatus = (typeof QUESTION_STATUS)[number]

export const QUESTION_PRIORITY = ['low', 'normal', 'high', 'urgent'] as const
export type QuestionPriority = (typeof QUESTION_PRIORITY)[number]

/**
 * The evidence code pairs the reliability of the source with the credibility of the information, e.g. `B2`.
 * A claim whose source is not yet graded reads as F (cannot be judged) rather than hiding the code,
 * and likewise an ungraded credibility reads as 6, so the code never overstates the evidence.
 */
export function evidenceCode(reliability: Reliability | null | undefined, credibility: Credibility | null | undefined): string {
  return `${reliability ?? 'F'}${credibility ?? '6'}`
}

export function evidenceCodeMeaning(code: string): string {
  const r = code[0] as Reliability
  const c = code[1] as Credibility
  const rm = RELIABILITY_MEANING[r]
  const cm = CREDIBILITY_MEANING[c]
  if (!rm || !cm) return 'Unknown evidence code'
  return `Source: ${rm.toLowerCase()}. Information: ${cm.toLowerCase()}.`
}

/**
 * A claim attributed to several sources takes the best judged reliability among them: a report from a reliable
 * source is not weakened by an unreliable outlet repeating it. Corroboration itself is expressed by credibility.
 */
export function bestReliability(grades: ReadonlyArray<Reliability | null | undefined>): Reliability | null {
  const known = grades.filter((g): g is Reliability => !!g)
  if (known.length === 0) return null
  // F means "cannot be judged", not "worse than E": it only stands when nothing else is known.
  const judged = known.filter((g) => g !== 'F')
  if (judged.length === 0) return 'F'
  return judged.reduce((a, b) => (RELIABILITY.indexOf(a) <= RELIABILITY.indexOf(b) ? a : b))
}
