import type { ArticleFields } from '../../../shared/model/article'
import type { DocJson } from '../../../shared/model/notebook'

/** A file as handed to an importer: its name (never a path), the name without extension, and its bytes. */
export interface SourceFile {
  name: string
  stem: string
  bytes: Uint8Array
}

/** What a format importer finds; `importFile` fills the gaps and checks the fields against the model. */
export interface Converted {
  fields: Partial<ArticleFields>
  doc: DocJson
  mediaType: string
}
