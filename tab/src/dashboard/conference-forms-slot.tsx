// Placeholder until the booking and invite list forms land (replaced whole by its owner, same
// export and props; see docs/tab.md). Without a conference it is the "book a conference" place.
import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';

export function ConferenceForms(_props: { api: ApiClient; conferenceId?: string }) {
  return <Text>Use the booking and invite list cards in your chat with the app.</Text>;
}
