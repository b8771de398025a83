// The supported runtime: Node 24 (and 22) start quietly, Node 20 starts with one warning line,
// anything older stops start-up.
import { checkNodeRuntime } from '../../bot/config/node-runtime';

describe('checkNodeRuntime', () => {
  it.each(['24.22.3', '22.12.0', '26.0.0'])('%s is supported without a warning', (version) => {
    expect(checkNodeRuntime(version)).toEqual({ ok: true, warning: null });
  });

  it('Node 20 starts with one warning line naming its end of life and the target', () => {
    const check = checkNodeRuntime('20.20.0');
    expect(check.ok).toBe(true);
    const warning = check.ok ? check.warning : null;
    expect(warning).toBe('warning: Node.js 20.20.0 is past its end of life (April 2026); use Node.js 24 LTS (22 also supported)');
    expect(warning).not.toContain('\n');
  });

  it('an odd (non-LTS) release starts with a warning', () => {
    expect(checkNodeRuntime('23.1.0')).toEqual({ ok: true, warning: expect.stringContaining('not a long-term-support release') });
  });

  it.each(['18.20.4', 'garbage'])('%s is refused', (version) => {
    expect(checkNodeRuntime(version)).toEqual({ ok: false, message: expect.stringContaining('is not supported; use Node.js 24 LTS') });
  });
});
