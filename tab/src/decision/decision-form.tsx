// Placeholder until the decision form lands (replaced whole by its owner; see docs/tab.md).
import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';

export function DecisionForm(_props: { api: ApiClient; conferenceId: string }) {
  return <Text>Use the decision card in your chat with the app.</Text>;
}
