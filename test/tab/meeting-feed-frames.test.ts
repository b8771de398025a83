// The side panel's event-stream parser (tab/src/side-panel/meeting-feed.ts): frames split across
// network chunks, CRLF line ends, comments (keep-alive) and multi-line data.
import { sseFrames } from '../../tab/src/side-panel/meeting-feed';

test('a frame split across chunks is held back until its blank line arrives', () => {
  const a = sseFrames('event: meeting\ndata: {"stage":"pre');
  expect(a.frames).toEqual([]);
  const b = sseFrames(`${a.rest}-meeting"}\n\nevent: meeting\ndata: {"stage":"confidential"}\n\n`);
  expect(b.frames).toEqual([
    { event: 'meeting', data: { stage: 'pre-meeting' } },
    { event: 'meeting', data: { stage: 'confidential' } },
  ]);
  expect(b.rest).toBe('');
});

test('keep-alive comments are skipped; CRLF and multi-line data are read as the spec says', () => {
  const { frames, rest } = sseFrames(': keep-alive\r\n\r\nevent: error\r\ndata: {"error":\r\ndata: {"code":"ACCESS.NOT_PART_OF_CONFERENCE"}}\r\n\r\ndata: 1\n\n: keep');
  expect(frames).toEqual([
    { event: 'error', data: { error: { code: 'ACCESS.NOT_PART_OF_CONFERENCE' } } },
    { event: 'message', data: 1 },
  ]);
  expect(rest).toBe(': keep');
});
