// "board <case reference>" and "invite <case reference>" in chat: the clerk's board card and the
// invite list card. The conference is found by its case reference (the latest with it); someone
// who may not read it is told it was not found, as for one that does not exist.
import { AccessRefused } from '../access/authorise';
import { requireViewer } from '../access/viewer-of';
import type { AppDeps } from '../app-deps';
import type { ChatCommand, TextReply } from '../chat/chat-turn';
import { inviteListCard } from '../invite-list/invite-list-card';
import { readInviteList } from '../invite-list/invite-list.use-case';
import { CASE_REFERENCE_ARG, usageText, accessRefusalText, INVOKE_MESSAGES } from './command-messages';
import { boardCard } from './board-card';
import { readBoard } from './board.use-case';


async function withConference(deps: AppDeps, args: string, word: string, show: (conferenceId: string) => Promise<TextReply>): Promise<TextReply> {
  const reference = args.trim();
  if (!CASE_REFERENCE_ARG.test(reference)) return { kind: 'text', text: usageText(word) };
  const ids = await deps.lookup.idsByCaseReference(reference);
  if (ids.length === 0) return { kind: 'text', text: INVOKE_MESSAGES.notFound };
  try {
    return await show(ids[0]!);
  } catch (err) {
    if (err instanceof AccessRefused) return { kind: 'text', text: accessRefusalText(err) };
    throw err;
  }
}

export function boardCommands(deps: AppDeps): ChatCommand[] {
  return [
    {
      word: 'board',
      run: (turn, args) =>
        withConference(deps, args, 'board', async (id) => {
          const viewer = await requireViewer(deps, turn.actor.aadObjectId, 'board.read');
          return { kind: 'card', card: boardCard(await readBoard(deps, viewer, id), [viewer.id]) };
        }),
    },
    {
      word: 'invite',
      run: (turn, args) =>
        withConference(deps, args, 'invite', async (id) => {
          const viewer = await requireViewer(deps, turn.actor.aadObjectId, 'invite-list.read');
          return { kind: 'card', card: inviteListCard(await readInviteList(deps, viewer, id)) };
        }),
    },
  ];
}
