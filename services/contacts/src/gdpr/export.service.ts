/**
 * Right of access: everything the CRM holds about a person, as one JSON document: this service's
 * current record, consent with its history, the timeline and every event of their streams; then
 * under `services` what each other service holds (subject-data-sources.ts), asked with the
 * requester's token.
 */
import { Inject, Injectable } from '@nestjs/common';
import { AggregateCommands, CLOCK, isoNow, type Clock } from '@crm/platform';
import { ConsentService, consentStreamId } from '../consent/consent.service';
import { contactDecider } from '../contacts/contact.decider';
import { contactStreamId, toContactView } from '../contacts/contact-view';
import { TimelineReader } from '../timeline/timeline.reader';
import { SubjectDataSources } from './subject-data-sources';
import { ContactErrors } from '../contacts/contact.errors';

@Injectable()
export class ExportService {
  constructor(
    private readonly aggregates: AggregateCommands,
    private readonly consent: ConsentService,
    private readonly timeline: TimelineReader,
    private readonly otherServices: SubjectDataSources,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async export(
    tenant: string,
    rawContactId: string,
    authorization: string,
  ): Promise<Record<string, unknown>> {
    const contactId = rawContactId.toLowerCase();
    const { state, version } = await this.aggregates.load(
      contactDecider,
      tenant,
      contactStreamId(contactId),
    );
    if (state.status === 'unregistered') throw ContactErrors.contactNotFound();
    if (state.status === 'erased') throw ContactErrors.contactErased();
    const streams = [contactStreamId(contactId), consentStreamId(contactId)];
    const events = [];
    for (const id of streams) {
      const { events: recorded } = await this.aggregates.store.readStream({ tenant, id });
      events.push(
        ...recorded.map((e) => ({
          stream: e.streamId,
          version: e.streamVersion,
          type: e.type,
          occurredAt: e.metadata.occurredAt,
          data: e.data,
        })),
      );
    }
    return {
      exportedAt: isoNow(this.clock),
      contact: toContactView(contactId, state, version),
      consent: await this.consent.view(tenant, contactId),
      timeline: await this.timeline.all(tenant, contactId),
      events,
      services: await this.otherServices.gather(contactId, authorization),
    };
  }
}
