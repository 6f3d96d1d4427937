/**
 * Finds attributions in news prose from the way reporters write them, offline and without a model:
 * "X said (that) …", "… , X said", "according to X", "X told reporters …", "officials said",
 * "a spokesman for X". Each finding is a source span (who) and a claim span (what), as plain-text offsets.
 */

export interface Attribution {
  pattern: string
  source: { start: number; end: number } | null
  claim: { start: number; end: number } | null
}

const VERBS =
  'said|says|told|stated|claimed|announced|reported|warned|added|confirmed|denied|insisted|estimated|believes|believed|argued|alleged|noted|wrote|posted|acknowledged|admitted|disclosed|revealed|maintained|suggested|predicted|asserted|declared'
/** Whom a speaker "told": reporters, an outlet, a committee; kept out of the claim. */
const AUDIENCE = String.raw`(?:reporters|journalists|lawmakers|parliament|the [\p{L}\- ]{2,40}?|[\p{Lu}][\p{L}\-]+(?: [\p{Lu}][\p{L}\-]+){0,3})`
/** "on Tuesday", "late on Monday", "in a statement", "on Telegram": between the verb and what was said. */
const ASIDE = String.raw`(?:(?:,? (?:late |early )?on \p{Lu}\p{L}+|,? in an? [\p{L} ]{3,30}?|,? last week|,? yesterday|,? today)\b,?)*`

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'this', 'that', 'there'])
/** A run that cannot be a speaker: it holds a clause, not a name. */
const NOT_A_SPEAKER = /\b(that|which|who|because|if|when|while|was|were|is|are|has|had|have|will|would|could|not|did|does)\b/i
/** A speaker does not start with a joining word: "and the army said" is a second clause, not a name. */
const BAD_START = new Set(['and', 'but', 'so', 'then', 'also', 'however', 'as', 'or', 'while', 'after', 'before'])

/**
 * Whether the words before (or after) a reporting verb can be the one who reported: a short noun phrase,
 * named or not ("the navy", "Shipping analysts", "a person familiar with the matter"), never a clause.
 */
function isSpeaker(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/)
  if (words.length === 0 || words.length > 9) return false
  const first = words[0]!.toLowerCase()
  if (words.length === 1 && PRONOUNS.has(first)) return false
  if (BAD_START.has(first)) return false
  return !NOT_A_SPEAKER.test(phrase)
}

export interface Sentence {
  start: number
  end: number
  text: string
}

/** Splits on sentence ends (., ! or ? then a space and a capital or quote, or a line break), keeping offsets. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = []
  const re = /[^\n]+?(?:[.!?][”"’)]*(?=\s+[“"‘(\p{Lu}\d])|$)/gmu
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0]
    const lead = raw.length - raw.trimStart().length
    const s = raw.trim()
    if (s) out.push({ start: m.index + lead, end: m.index + lead + s.length, text: s })
    if (re.lastIndex === m.index) re.lastIndex++
  }
  return out
}

/** Trims a claim span: no surrounding quote marks, final stop or comma, nor leading "that". */
function tidy(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /[\s“"‘,]/.test(text[start]!)) start++
  while (end > start && /[\s”"’.,!?;:]/.test(text[end - 1]!)) end--
  if (text.slice(start, start + 5).toLowerCase() === 'that ') start += 5
  return end - start >= 12 ? { start, end } : null
}

function span(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /[\s,“"]/.test(text[start]!)) start++
  while (end > start && /[\s,”"]/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : null
}

/** A lead-in that is not part of the speaker: "On Monday, ", "Meanwhile, ", "In Kyiv, ". */
const LEAD = /^(?:(?:On|In|At|By|Late on|Early on|Earlier|Later|Meanwhile|Separately|However|But|And|Also)\b[^,]{0,30}, )?/u

export function findAttributions(text: string): Attribution[] {
  const out: Attribution[] = []
  for (const s of sentences(text)) {
    const found = inSentence(s.text)
    if (found) {
      out.push({
        pattern: found.pattern,
        source: found.source ? span(text, s.start + found.source.start, s.start + found.source.end) : null,
        claim: found.claim ? tidy(text, s.start + found.claim.start, s.start + found.claim.end) : null,
      })
    }
  }
  return out.filter((a) => a.source || a.claim)
}

type Found = { pattern: string; source: { start: number; end: number } | null; claim: { start: number; end: number } | null }

function inSentence(s: string): Found | null {
  let m: RegExpExecArray | null
  // According to X, CLAIM.
  if ((m = new RegExp(String.raw`^(?:[^,]{0,40}, )?according to ([^,]{2,80}?), (.+)$`, 'iu').exec(s))) {
    const src = m[1]!
    const at = s.indexOf(src, m.index)
    return { pattern: 'according to X', source: { start: at, end: at + src.length }, claim: { start: at + src.length + 2, end: s.length } }
  }
  // CLAIM, according to X.
  if ((m = /^(.+?),? according to ([^,.]{2,80}?)(?:,[^,]*)?[.!?”"]*$/iu.exec(s))) {
    const at = s.lastIndexOf(m[2]!)
    return { pattern: 'according to X', source: { start: at, end: at + m[2]!.length }, claim: { start: 0, end: m[1]!.length } }
  }
  // “CLAIM,” X said. / CLAIM, X said. / CLAIM, said X.
  if ((m = new RegExp(String.raw`^(.+?)[,”"]+\s*([^,“”"]{2,90}?) (?:${VERBS})(?: ${AUDIENCE})?(?:${ASIDE})?[.!?]*$`, 'u').exec(s)) && isSpeaker(m[2]!)) {
    const at = s.lastIndexOf(m[2]!)
    return { pattern: 'CLAIM, X said', source: { start: at, end: at + m[2]!.length }, claim: { start: 0, end: m[1]!.length } }
  }
  if ((m = new RegExp(String.raw`^(.+?)[,”"]+\s*(?:${VERBS}) ([^,“”"]{2,90}?)(?:${ASIDE})?[.!?]*$`, 'u').exec(s)) && isSpeaker(m[2]!)) {
    const at = s.lastIndexOf(m[2]!)
    return { pattern: 'CLAIM, said X', source: { start: at, end: at + m[2]!.length }, claim: { start: 0, end: m[1]!.length } }
  }
  // X said (that) CLAIM. / X told reporters (that) CLAIM. / X said on Tuesday that CLAIM.
  const lead = LEAD.exec(s)![0]
  const rest = s.slice(lead.length)
  const re = new RegExp(String.raw`^([^,“”"]{2,90}?)(?:,[^,]{2,60},)? (${VERBS})(?: ${AUDIENCE})?(?:${ASIDE})? (?:(that) )?(.+)$`, 'u')
  if ((m = re.exec(rest))) {
    const speaker = m[1]!
    const verb = m[2]!
    const claimText = m[4]!
    const claimAt = lead.length + rest.length - claimText.length
    const reported = !!m[3] || /^[“"]/.test(claimText) || verb === 'told' || /^(said|says)$/.test(verb)
    if (!reported) return null
    const pronoun = PRONOUNS.has(speaker.trim().toLowerCase())
    if (!pronoun && !isSpeaker(speaker)) return null
    return {
      pattern: m[3] ? 'X said that …' : verb === 'told' ? 'X told …' : 'X said …',
      source: pronoun ? null : { start: lead.length, end: lead.length + speaker.length },
      claim: { start: claimAt, end: s.length },
    }
  }
  return null
}
