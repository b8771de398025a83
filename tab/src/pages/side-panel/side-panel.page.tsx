// /tab/side-panel?conference=<id>: the chair's run sheet beside the call (see tab/src/side-panel).
import { mountPage } from '../../shell/mount-page';
import { SidePanel } from '../../side-panel/side-panel';

mountPage(({ host, api, query }) => <SidePanel host={host} api={api} conferenceId={query.get('conference')} />, { signIn: 'required' });
