/**
 * Publication dates as pages and wire copy write them, turned into the ISO form the article fields keep
 * (YYYY-MM-DD, with the time and offset when the source gives them). Parsing is by hand on purpose:
 * Date.parse reads "November 5, 2024" in the machine's time zone, which can shift the day.
 * Purely numeric day/month orders (05/11/2024) are ambiguous between US and European use and are not guessed.
 */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1,
  feb: 2, february: 2,
  mar: 3, march: 3,
  apr: 4, april: 4,
  may: 5,
  jun: 6, june: 6,
  jul: 7, july: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
}
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i
const SLASHED_YMD = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?\\s*)?(?:[a-z]{2,5}\\s+)?)?(\\d{4})\\b`, 'i')
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i')

/** The ISO form of a date written in any of the common ways, or '' when it cannot be read without guessing. */
export function normalizeDate(raw: string | null | undefined): string {
  const s = (raw ?? '').trim()
  if (!s) return ''

  const iso = ISO.exec(s)
  if (iso) {
    const [, y, m, d, hh, mm, ss, tz] = iso
    const date = ymd(Number(y), Number(m), Number(d))
    if (!date) return ''
    if (hh === undefined || mm === undefined || Number(hh) > 23 || Number(mm) > 59) return date
    const zone = tz ? (tz.toUpperCase() === 'Z' ? 'Z' : `${tz.slice(0, 3)}:${tz.slice(-2)}`) : ''
    return `${date}T${hh}:${mm}${ss !== undefined ? `:${ss}` : ''}${zone}`
  }

  const slashed = SLASHED_YMD.exec(s) ?? COMPACT.exec(s)
  if (slashed) return ymd(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]))

  const mdy = MONTH_DAY_YEAR.exec(s)
  if (mdy) return ymd(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()]!, Number(mdy[2]))
  const dmy = DAY_MONTH_YEAR.exec(s)
  if (dmy) return ymd(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()]!, Number(dmy[1]))
  return ''
}

/** Words that may sit beside a date on a dateline without making it something else. */
const DATELINE_WORDS = /^(?:published|updated|posted|filed|dated|on|at|[ap]\.?m\.?|utc|gmt|[ecmp][sd]t|bst|cet|cest|eet|eest|ist|jst|kst|aest|aedt|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)$/i

/**
 * The date of a line that holds nothing but a date (a wire story's dateline under its headline), or ''.
 * A sentence that merely mentions a date is not a dateline.
 */
export function datelineDate(line: string): string {
  const s = line.trim()
  if (!s || s.length > 60 || !isOnlyDates(s)) return ''
  return normalizeDate(s)
}

/** True when a string holds one or more dates and times and nothing else ("April 28, 2019 at 6:01 am Updated April 29…"). */
export function isOnlyDates(s: string): boolean {
  const anywhere = DATE_PATTERNS.map((re) => new RegExp(re.source.replace(/^\^/, ''), 'gi'))
  if (!anywhere.some((re) => re.test(s))) return false
  let rest = s
  for (const re of anywhere) rest = rest.replace(re, ' ')
  const words = rest
    .replace(/\d{1,2}:\d{2}(?::\d{2})?/g, ' ')
    .split(/[\s,:|–—-]+/)
    .filter(Boolean)
  return words.every((w) => DATELINE_WORDS.test(w))
}

const DATE_PATTERNS = [ISO, SLASHED_YMD, MONTH_DAY_YEAR, DAY_MONTH_YEAR]

function ymd(y: number, m: number, d: number): string {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return ''
  const check = new Date(Date.UTC(y, m - 1, d))
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return ''
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
