/**
 * Render counts of the views that must stay off the keystroke path (DESIGN rule 8). The benchmark and the e2e
 * tests read them from `window.__renderCounts` to prove that typing in the article never renders the side panel,
 * and that tagging renders the panel but not the article view around the editor.
 */
export const renderCounts = { annotationPanel: 0, toolbar: 0, library: 0, articleView: 0 }

if (typeof window !== 'undefined') Object.defineProperty(window, '__renderCounts', { value: renderCounts, configurable: false, enumerable: false })
