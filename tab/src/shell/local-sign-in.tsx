// Local mode only (a plain browser, npm start): "who are you?" — the product's local people are
// invented, and the local API signs a token for whoever is picked. In Teams this never shows.
import { Button, Field, Input, Text, Title2 } from '@fluentui/react-components';
import { useState } from 'react';
import { chooseLocalUser } from './session';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function LocalSignIn(props: { onSignedIn(userId: string): void }) {
  const [id, setId] = useState('');
  const valid = GUID.test(id.trim());
  return (
    <main style={{ padding: 24, maxWidth: 480 }}>
      <Title2 as="h1">Sign in (local mode)</Title2>
      <Text as="p">This is the local product. Choose who you are to see what they would see in Teams.</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          chooseLocalUser(id.trim());
          props.onSignedIn(id.trim());
        }}
      >
        <Field label="Your Entra object id" validationMessage={id && !valid ? 'An object id looks like 5eed0000-0000-4000-8000-000000000001.' : undefined}>
          <Input value={id} onChange={(_, d) => setId(d.value)} />
        </Field>
        <Button appearance="primary" type="submit" disabled={!valid} style={{ marginTop: 12 }}>
          Sign in
        </Button>
      </form>
    </main>
  );
}
