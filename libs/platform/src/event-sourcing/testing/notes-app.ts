/**
 * A tiny event-sourced app for the module's own tests: notes whose text is personal data of
 * their author, one read model over the `note` category and one over `other` streams.
 */
import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import {
  isErased,
  type Decider,
  type DomainEvent,
  type Projection,
  type RecordedEvent,
} from '@crm/event-sourcing';
import { Public } from '../../auth/decorators';
import { ServesDuringRebuild } from '../read-model-ready.interceptor';
import { PlatformModule } from '../../platform.module';
import type { EventSourcingModuleOptions } from '../event-sourcing-options';
import { EventSourcingModule } from '../event-sourcing.module';
import { ReadModels } from '../read-models';

export const NOTES_SCHEMA = 'es_notes';
export const NOTE_LIST = 'es_notes.note_list';
export const OTHER_LIST = 'es_notes.other_list';

export type NoteEvent = DomainEvent<
  'NoteWritten',
  { noteId: string; author: string; text: string }
>;
export interface WriteNote {
  readonly noteId: string;
  readonly author: string;
  readonly text: string;
}
export interface NotesState {
  readonly texts: readonly string[];
}

export const noteDecider: Decider<WriteNote, NoteEvent, NotesState> = {
  initialState: () => ({ texts: [] }),
  evolve: (state, event) => ({ texts: [...state.texts, event.data.text] }),
  decide: (command) => [{ type: 'NoteWritten', data: { ...command } }],
};

const noteList: Projection = {
  name: NOTE_LIST,
  version: 1,
  categories: ['note'],
  handlers: {
    NoteWritten: async (event, tx) => {
      await tx.query(
        `INSERT INTO ${NOTES_SCHEMA}.note_list (tenant, note_id, text) VALUES ($1, $2, $3)`,
        [event.tenant, event.data.noteId, event.data.text],
      );
    },
  },
  async init(tx) {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${NOTES_SCHEMA}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${NOTES_SCHEMA}.note_list (
      tenant text NOT NULL, note_id text NOT NULL, text text NOT NULL, PRIMARY KEY (tenant, note_id))`);
  },
  async reset(tx) {
    await tx.query(`TRUNCATE ${NOTES_SCHEMA}.note_list`);
  },
};

/** Reads only `other-*` streams, so its checkpoint never reaches a note's position. */
const otherList: Projection = {
  name: OTHER_LIST,
  version: 1,
  categories: ['other'],
  handlers: {},
  async init(tx) {
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${NOTES_SCHEMA}`);
  },
  async reset() {},
};

/** Shredded text folds as an empty note, as a service's upcast would blank it. */
function blankErasedText(recorded: RecordedEvent): NoteEvent {
  const data = recorded.data as NoteEvent['data'];
  return { type: 'NoteWritten', data: { ...data, text: isErased(data.text) ? '' : data.text } };
}

export const notesEventSourcing: EventSourcingModuleOptions = {
  schema: NOTES_SCHEMA,
  keysSchema: 'es_notes_keys',
  personalData: {
    NoteWritten: { subject: (event) => event.data.author, fields: ['text'] },
  },
  projections: [noteList, otherList],
  workerPoolSize: 4,
  upcast: blankErasedText as EventSourcingModuleOptions['upcast'],
};

@Controller()
class NotesController {
  constructor(private readonly readModels: ReadModels) {}

  @Public()
  @Get('notes')
  async notes(): Promise<{ ok: true }> {
    await this.readModels.assertReady(NOTE_LIST);
    return { ok: true };
  }

  @Public()
  @Get('others')
  others(): { ok: true } {
    return { ok: true };
  }

  /** Reads no read model (a signed redirect, say): answers during rebuilds too. */
  @Public()
  @ServesDuringRebuild()
  @Get('ungated')
  ungated(): { ok: true } {
    return { ok: true };
  }
}

@Module({})
class NotesAppModule {}

export function notesAppModule(options: Partial<EventSourcingModuleOptions> = {}): DynamicModule {
  return {
    module: NotesAppModule,
    imports: [
      PlatformModule.forRoot({ serviceName: 'es-notes', idempotency: { schema: NOTES_SCHEMA } }),
      EventSourcingModule.forRoot({ ...notesEventSourcing, ...options }),
    ],
    controllers: [NotesController],
  };
}
