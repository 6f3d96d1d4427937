import { describe, expect, it } from 'vitest'
import { userMessage } from '../../../../src-renderer/api/errors'
import { USER_ERROR_PREFIX } from '../../../../src-main/shared/ipc-contract'

describe('userMessage', () => {
  it('keeps only the sentence written for the analyst', () => {
    const err = new Error(`Error invoking remote method 'articles:create': Error: ${USER_ERROR_PREFIX}Give the article a title.`)
    expect(userMessage(err)).toBe('Give the article a title.')
  })
  it('strips Electron transport noise from other errors and ends them as a sentence', () => {
    expect(userMessage(new Error("Error invoking remote method 'x': TypeError: disk is full"))).toBe('Disk is full.')
  })
  it('says something useful when there is no message at all', () => {
    expect(userMessage(undefined)).toMatch(/try again/i)
  })
})
