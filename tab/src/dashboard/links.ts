// Links between the tab's pages keep the theme asked for in a plain browser (?theme=); in Teams
// the theme comes from the host. Ids only in the path, never a name.
export function tabHref(path: string): string {
  const theme = new URLSearchParams(location.search).get('theme');
  return theme ? `${path}?theme=${encodeURIComponent(theme)}` : path;
}

export const conferenceHref = (conferenceId: string) => tabHref(`/tab/conferences/${encodeURIComponent(conferenceId)}`);
