// ConversationRefs on SQL (migration 009): one row per person, replaced by each newer activity.
import type { Clock } from '../../app/ports/clock.port';
import type { ConversationRef, ConversationRefs } from '../../app/ports/conversation-refs.port';
import type { Database } from './database';

interface Row {
  person_id: string;
  conversation_id: string;
  service_url: string;
  tenant_id: string | null;
  bot_id: string;
  channel_id: string;
}

const toRef = (r: Row): ConversationRef => ({ personId: r.person_id, conversationId: r.conversation_id, serviceUrl: r.service_url, tenantId: r.tenant_id, botId: r.bot_id, channelId: r.channel_id });

export class SqlConversationRefs implements ConversationRefs {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async get(personId: string): Promise<ConversationRef | null> {
    const { rows } = await this.db.query<Row>('SELECT * FROM conversation_refs WHERE person_id = $1', [personId.toLowerCase()]);
    return rows[0] ? toRef(rows[0]) : null;
  }

  async byConversation(conversationId: string): Promise<ConversationRef | null> {
    const { rows } = await this.db.query<Row>('SELECT * FROM conversation_refs WHERE conversation_id = $1 ORDER BY updated_at DESC LIMIT 1', [conversationId]);
    return rows[0] ? toRef(rows[0]) : null;
  }

  async latest(): Promise<ConversationRef | null> {
    const { rows } = await this.db.query<Row>('SELECT * FROM conversation_refs ORDER BY updated_at DESC LIMIT 1');
    return rows[0] ? toRef(rows[0]) : null;
  }

  async record(ref: ConversationRef): Promise<void> {
    await this.db.query(
      `INSERT INTO conversation_refs (person_id, conversation_id, service_url, tenant_id, bot_id, channel_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (person_id) DO UPDATE SET conversation_id = EXCLUDED.conversation_id, service_url = EXCLUDED.service_url,
         tenant_id = EXCLUDED.tenant_id, bot_id = EXCLUDED.bot_id, channel_id = EXCLUDED.channel_id, updated_at = EXCLUDED.updated_at`,
      [ref.personId.toLowerCase(), ref.conversationId, ref.serviceUrl, ref.tenantId, ref.botId, ref.channelId, this.clock.now().toISOString()],
    );
  }

  async forget(personId: string): Promise<void> {
    await this.db.query('DELETE FROM conversation_refs WHERE person_id = $1', [personId.toLowerCase()]);
  }
}
