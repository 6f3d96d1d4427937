/** The one way a view shows a failed request: a plain sentence, announced to screen readers, where the analyst is looking. */
export function ErrorLine({ error }: { error: string | null | undefined }) {
  if (!error) return null
  return (
    <p className="error pad" role="alert">
      {error}
    </p>
  )
}
