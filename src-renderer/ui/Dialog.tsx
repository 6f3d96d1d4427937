import { useEffect, useId, useRef, type ReactNode } from 'react'

interface DialogProps {
  title: string
  /** Hide the visible title (the palette's input says what it is), keeping it as the dialog's name. */
  hideTitle?: boolean
  className?: string
  onClose: () => void
  children: ReactNode
}

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the window inert, keeps Tab inside and
 * closes on Escape, which assistive technology understands without help. Focus goes back to where it was, so a
 * command chosen here acts on the text selection the analyst left.
 */
export function Dialog({ title, hideTitle = false, className = '', onClose, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const close = useRef(onClose)
  close.current = onClose

  useEffect(() => {
    const dialog = ref.current!
    const before = document.activeElement as HTMLElement | null
    if (!dialog.open) dialog.showModal()
    return () => {
      if (dialog.open) dialog.close()
      before?.focus({ preventScroll: true })
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog ${className}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        close.current()
      }}
      onMouseDown={(e) => {
        // A click on the backdrop lands on the dialog element itself, outside its content box.
        if (e.target === ref.current) close.current()
      }}
    >
      <h2 id={titleId} className={hideTitle ? 'visually-hidden' : 'dialog-title'}>
        {title}
      </h2>
      {children}
    </dialog>
  )
}
