// POST /api/calls: the calling bot's callback (CALLS_CALLBACK_URL). Graph posts the call's state
// and roster notifications here; the product acts on none of them (it reads the participants when
// the chair removes someone), so each is answered 202 and dropped unread: nothing in it is logged.
import type { Request, Response, Server } from 'restify';
import { dropUnreadBody } from './read-json-body';

export function mountCallsCallback(server: Server): void {
  server.post('/api/calls', async (req: Request, res: Response) => {
    dropUnreadBody(req, res);
    res.status(202);
    res.end();
  });
}
