import { memo, type ReactNode } from 'react'
import { useEditorState, type Editor } from '@tiptap/react'
import { redoDepth, undoDepth } from '@tiptap/pm/history'
import type { AnnotationKind } from '../../../src-main/shared/model/annotation'
import { ariaShortcut, shortcutLabel, shortcutLabels, type ShortcutName } from '../../ui/shortcuts'
import { KIND_LABEL } from '../annotations/panel-model'
import { renderCounts } from '../../perf-counters'

interface EditorToolbarProps {
  editor: Editor
  readOnly: boolean
  onTag: (kind: AnnotationKind) => void
  onStep: (direction: 1 | -1) => void
}

const TAG_SHORTCUT: Record<AnnotationKind, ShortcutName> = { claim: 'tagClaim', source: 'tagSource', question: 'tagQuestion' }

/**
 * Formatting, tagging and annotation navigation. It reads the editor through useEditorState, so it re-renders only
 * when one of the values it shows changes, never for every keystroke.
 */
export const EditorToolbar = memo(function EditorToolbar({ editor, readOnly, onTag, onStep }: EditorToolbarProps) {
  renderCounts.toolbar++
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      // The history's own depth, not a dry run of the commands: this selector runs on every keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
      hasSelection: !e.state.selection.empty,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
    }),
  })

  return (
    <div className="toolbar" role="toolbar" aria-label="Editing and tagging" aria-orientation="horizontal">
      <div className="toolbar-group">
        <ToolButton label="Undo" shortcut="undo" disabled={readOnly || !state.canUndo} onClick={() => editor.chain().focus().undo().run()}>
          ↶
        </ToolButton>
        <ToolButton label="Redo" shortcut="redo" disabled={readOnly || !state.canRedo} onClick={() => editor.chain().focus().redo().run()}>
          ↷
        </ToolButton>
      </div>
      <div className="toolbar-group">
        <ToolButton label="Bold" shortcut="bold" pressed={state.bold} disabled={readOnly} onClick={() => editor.chain().focus().toggleBold().run()}>
          <b>B</b>
        </ToolButton>
        <ToolButton label="Italic" shortcut="italic" pressed={state.italic} disabled={readOnly} onClick={() => editor.chain().focus().toggleItalic().run()}>
          <i>I</i>
        </ToolButton>
      </div>
      <div className="toolbar-group" aria-label="Tag the selection">
        {(['claim', 'source', 'question'] as const).map((kind) => (
          <ToolButton
            key={kind}
            label={`${KIND_LABEL[kind].one}: tag the selection`}
            shortcut={TAG_SHORTCUT[kind]}
            disabled={readOnly || !state.hasSelection}
            onClick={() => onTag(kind)}
            className={`tag-button tag-button-${kind}`}
            showKey
          >
            <span className={`kind-word kind-${kind}`}>{KIND_LABEL[kind].one}</span>
          </ToolButton>
        ))}
      </div>
      <div className="toolbar-group">
        <ToolButton label="Previous annotation" shortcut="previousAnnotation" onClick={() => onStep(-1)}>
          ↑
        </ToolButton>
        <ToolButton label="Next annotation" shortcut="nextAnnotation" onClick={() => onStep(1)}>
          ↓
        </ToolButton>
      </div>
    </div>
  )
})

interface ToolButtonProps {
  label: string
  shortcut: ShortcutName
  onClick: () => void
  children: ReactNode
  disabled?: boolean
  pressed?: boolean
  className?: string
  showKey?: boolean
}

function ToolButton({ label, shortcut, onClick, children, disabled, pressed, className, showKey }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`tool-button ${className ?? ''}`}
      title={`${label} (${shortcutLabels(shortcut)})`}
      // Buttons with a visible word are named by it (and described by the title); icon buttons need a label.
      aria-label={showKey ? undefined : label}
      aria-keyshortcuts={ariaShortcut(shortcut)}
      aria-pressed={pressed}
      disabled={disabled}
      // Keep the editor's selection: a button that took focus would collapse what the analyst selected.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
      {/* aria-keyshortcuts already tells assistive technology; the label stays the button's name alone. */}
      {showKey && (
        <kbd className="kbd" aria-hidden="true">
          {shortcutLabel(shortcut)}
        </kbd>
      )}
    </button>
  )
}
