import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { LockGate } from './features/lock/LockGate'
import { loadViewState } from './features/settings/view-state'
import './styles/base.css'
import './styles/layout.css'
import './styles/editor.css'
import './styles/annotations.css'
import './styles/panel.css'

// The saved panes and theme are read before the first render, so nothing jumps or flashes as the window opens.
void loadViewState().finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LockGate>
        <App />
      </LockGate>
    </StrictMode>,
  ),
)
