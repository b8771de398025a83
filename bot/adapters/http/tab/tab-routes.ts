// The tab's pages: each address under /tab and the built page (tab/src/pages/<page>) that answers
// it. One line a page; the server-rendered link pages (confirm, report, record, run-sheet) are
// mounted before these and are not listed here.
export interface TabRoute {
  /** restify path, e.g. '/tab/conferences/:conferenceId'. */
  path: string;
  /** The page's folder name under tab/src/pages (its entry in dist/tab/pages.json). */
  page: string;
  /** The document title (no case reference, no names: titles show in browser history). */
  title: string;
}

export const TAB_ROUTES: TabRoute[] = [
  { path: '/tab/config', page: 'config', title: 'Add the conference tab' },
  { path: '/tab/dashboard', page: 'dashboard', title: 'Conferences' },
  { path: '/tab/conferences/:conferenceId', page: 'conference', title: 'Conference' },
  { path: '/tab/family', page: 'family', title: 'Your meeting' },
  { path: '/tab/stage', page: 'stage', title: 'Meeting stage' },
  { path: '/tab/decision', page: 'decision', title: 'The conference decision' },
  { path: '/tab/conferences/new', page: 'new-conference', title: 'Book a conference' },
  { path: '/tab/invite-list', page: 'invite-list', title: 'Invite list' },
  { path: '/tab/side-panel', page: 'side-panel', title: 'Conference side panel' },
];
