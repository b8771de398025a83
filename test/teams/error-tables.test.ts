// The two code tables: every code has an answer (the types make them exhaustive; this checks the
// answers themselves), Teams' own status/type pairs, and messages a person can read.
import { HTTP_STATUS } from '../../bot/adapters/http/http-error-map';
import { INVOKE_ERRORS, codeOfThrown } from '../../bot/adapters/teams/invoke-error-map';
import { CodedError } from '../../bot/domain/shared/coded-error';

describe('the invoke table (adapters/teams)', () => {
  it.each(Object.entries(INVOKE_ERRORS))('%s: a Universal Actions error answer with a plain message', (code, answer) => {
    const expectedType = answer.statusCode === 412 ? 'application/vnd.microsoft.error.preconditionFailed' : 'application/vnd.microsoft.error';
    expect([400, 412, 500]).toContain(answer.statusCode);
    expect(answer.type).toBe(expectedType);
    expect(answer.message).toMatch(/^[A-Z].{15,200}[.!]$/);
    // No codes, template expressions or placeholders inside the text.
    expect(answer.message).not.toMatch(/[A-Z]{3,}\.[A-Z_]{3,}|\$\{|\{\{/);
    expect(HTTP_STATUS[code as keyof typeof HTTP_STATUS]).toBeGreaterThanOrEqual(400);
  });

  it('a thrown value stands for its own code only when that code is known', () => {
    expect(codeOfThrown(new CodedError('INVITEE.NOT_FOUND', 'x'))).toBe('INVITEE.NOT_FOUND');
    expect(codeOfThrown(Object.assign(new Error('x'), { code: 'GRAPH.REJECTED' }))).toBe('GRAPH.REJECTED');
    expect(codeOfThrown(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('CARD.FAILED');
    expect(codeOfThrown(Object.assign(new Error('x'), { code: 'toString' }))).toBe('CARD.FAILED');
    expect(codeOfThrown('a string')).toBe('CARD.FAILED');
    expect(codeOfThrown(null)).toBe('CARD.FAILED');
  });
});

describe('the HTTP table (adapters/http)', () => {
  it('gives the Teams endpoint\'s refusals and the body errors their statuses', () => {
    expect(HTTP_STATUS).toMatchObject({
      'ACTIVITY.MALFORMED': 400,
      'AUTH.UNAUTHORIZED': 401,
      'AUTH.UNAVAILABLE': 503,
      'TENANT.NOT_ALLOWED': 403,
      'TURN.FAILED': 500,
      'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
      'HTTP.BODY_TOO_LARGE': 413,
      'HTTP.MALFORMED_JSON': 400,
      'HTTP.BODY_UNREADABLE': 400,
      'HTTP.NOT_FOUND': 404,
      'HTTP.INTERNAL': 500,
    });
  });
});
