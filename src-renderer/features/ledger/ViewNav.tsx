import './views.css'
export type NotebookViewKind = 'briefs' | 'ledger' | 'sources' | 'questions' | 'suggestions'

const ITEMS: Array<{ kind: NotebookViewKind; label: string; title: string }> = [
  { kind: 'briefs', label: 'Briefs', title: 'Briefs: your judgments with the evidence they rest on, to export' },
  { kind: 'ledger', label: 'Claims', title: 'Every claim in the notebook, with grades, sources and links' },
  { kind: 'sources', label: 'Sources', title: 'The source registry: grades, claims resting on each, merge and rename' },
  { kind: 'questions', label: 'Questions', title: 'Open questions by priority and due date' },
  { kind: 'suggestions', label: 'Suggest', title: 'Suggested sources and claims for the open article' },
]

/** The views across the notebook; each replaces the middle pane. */
export function ViewNav({ current, canSuggest, onOpen }: { current: string | null; canSuggest: boolean; onOpen: (kind: NotebookViewKind) => void }) {
  return (
    <nav className="view-nav" aria-label="Notebook views">
      {ITEMS.map((i) => (
        <button
          key={i.kind}
          type="button"
          className={`button small ${current === i.kind ? 'is-open' : ''}`}
          aria-pressed={current === i.kind}
          title={i.title}
          disabled={i.kind === 'suggestions' && !canSuggest}
          onClick={() => onOpen(i.kind)}
        >
          {i.label}
        </button>
      ))}
    </nav>
  )
}
