// Placeholder until the timeliness report lands (replaced whole by its owner, same export and props).
import { Text } from '@fluentui/react-components';
import type { ApiClient } from '../shell/api-client';

export function TimelinessPanel(_props: { api: ApiClient }) {
  return <Text>Timeliness figures are not available yet.</Text>;
}
