/**
 * Converting a lead touches three places: the contacts service (contact and company), the new
 * opportunity, and the lead. It runs as a process (@crm/platform's process manager, recorded in
 * `sales.process_instances`) whose decision is recorded first: LeadConversionStarted names every
 * id the conversion will create, each a UUID v5 of tenant, lead, attempt and role. Every step is
 * idempotent with those ids (the contacts service creates with PUT-if-absent; a second open of
 * the opportunity is "already exists", taken as done; the lead's events are no-ops when they
 * are there), so a retried, concurrent or resumed conversion ends with one contact, at most one
 * company, one opportunity and one LeadConverted. Refused on the way (by the contacts service),
 * it undoes what it did and the lead is qualified again; failing transiently, it stays pending
 * (GET /leads/{id}/conversion, /metrics, /health/ready) and is resumed in the background.
 */
import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import {
  AggregateCommands,
  CLOCK,
  PLATFORM_CONFIG,
  ProblemException,
  canonicalJson,
  deterministicId,
  expectedVersionFor,
  isDomainError,
  isoNow,
  mintDevToken,
  preconditionFailed,
  type Clock,
  type CommandCaller,
  type PlatformConfig,
  type ProcessDefinition,
  type ProcessOutcome,
  type ProcessRecord,
  type StepContext,
} from '@crm/platform';
import { SalesProcesses } from '../infrastructure/processes';
import { STREAM } from '../infrastructure/streams';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { loadPipelineSnapshot } from '../pipelines/pipeline-snapshot';
import { CONTACTS_GATEWAY, type ContactsGateway } from './contacts-gateway';
import type { StartLeadConversion } from './lead.commands';
import { decideLead, leadDecider, type LeadConversionPlan } from './lead.decider';
import { LeadErrors } from './lead.errors';

export const LEAD_CONVERSION = 'sales.lead-conversion';

export interface ConversionRequest {
  readonly existingContactId?: string;
  readonly existingCompanyId?: string;
  readonly opportunity: {
    pipelineId: string;
    name?: string;
    amountMinor: number;
    currency: string;
    expectedCloseDate: string;
  };
}

/** What the process records as its input: the request and the decision's ids. */
export interface ConversionInput {
  readonly leadId: string;
  readonly attempt: number;
  readonly actor: string;
  /** The caller's If-Match, checked when the decision is recorded. */
  readonly expectedVersion?: number;
  readonly request: ConversionRequest;
  readonly plan: LeadConversionPlan;
  /** Whether the contact and company are created through the contacts API (CONTACTS_URL set). */
  readonly viaContactsApi: boolean;
  readonly at: string;
}

export interface ConversionResult {
  readonly conversionId: string;
  /** completed: the lead is converted; pending: the process goes on (retry or GET to follow it). */
  readonly status: 'completed' | 'pending';
  readonly plan: LeadConversionPlan;
  /**
   * What the conversion created in the contacts service. False: linked to an existing one (the
   * request named it), or, without CONTACTS_URL, only an id was recorded and nothing created.
   */
  readonly created: { readonly contact: boolean; readonly company: boolean };
  /** The lead's version (its ETag). */
  readonly version: number;
}

const RESUMER = 'system:process-resumer';

@Injectable()
export class LeadConversion implements OnModuleInit {
  readonly definition: ProcessDefinition<ConversionInput>;

  constructor(
    private readonly commands: AggregateCommands,
    private readonly processes: SalesProcesses,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly platform: PlatformConfig,
    @Optional() @Inject(CONTACTS_GATEWAY) private readonly contacts?: ContactsGateway,
  ) {
    this.definition = {
      type: LEAD_CONVERSION,
      steps: [
        {
          name: 'record-decision',
          run: (c) => this.recordDecision(c),
          compensate: (c) => this.abandon(c),
        },
        {
          name: 'create-company',
          when: (input) => input.viaContactsApi && input.plan.companyCreated,
          run: (c) => this.createCompany(c),
          compensate: (c) => this.gateway().archiveCompany(c.input.plan.companyId!, call(c)),
        },
        {
          name: 'create-contact',
          when: (input) => input.viaContactsApi && input.plan.contactCreated,
          run: (c) => this.createContact(c),
          compensate: (c) => this.gateway().archiveContact(c.input.plan.contactId, call(c)),
        },
        { name: 'open-opportunity', run: (c) => this.openOpportunity(c) },
        { name: 'record-conversion', run: (c) => this.recordConversion(c) },
      ],
      resumeAuthorization: (tenant, input) => this.resumeAuthorization(tenant, input),
    };
  }

  onModuleInit(): void {
    this.processes.runner.register(this.definition);
  }

  async convert(
    leadId: string,
    request: ConversionRequest,
    caller: CommandCaller & { authorization: string },
  ): Promise<ConversionResult> {
    const { tenant } = caller;
    const { state: lead, version } = await this.commands.load(
      leadDecider,
      tenant,
      STREAM.lead(leadId),
    );
    const recorded = lead.conversion;
    if (recorded && (lead.status === 'converting' || lead.status === 'converted')) {
      // A conversion is recorded: the same request again is a retry (200 with the same ids, or
      // it resumes the pending process); another request is refused as before.
      const record = await this.processes.runner.store.get<ConversionInput>({
        tenant,
        type: LEAD_CONVERSION,
        id: recorded.conversionId,
      });
      if (!record || !sameRequest(record.input.request, request)) {
        throw lead.status === 'converted'
          ? LeadErrors.leadAlreadyConverted(leadId, lead.contactId, lead.opportunityId)
          : LeadErrors.leadConversionInProgress(leadId, recorded.conversionId);
      }
      const outcome = await this.processes.runner.advance(
        this.definition,
        { tenant, id: recorded.conversionId },
        caller.authorization,
      );
      return this.answer(tenant, outcome);
    }

    // If-Match `*` or a list holds on the version read, or 412; the decision's append checks it.
    const expectedVersion = expectedVersionFor(caller, version);
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw preconditionFailed(version);
    }
    const attempt = (lead.conversionAttempts ?? 0) + 1;
    const idOf = (role: string) => deterministicId(tenant, 'lead', leadId, String(attempt), role);
    const command: StartLeadConversion = {
      type: 'StartLeadConversion',
      data: {
        conversionId: idOf('conversion'),
        attempt,
        existingContactId: request.existingContactId,
        newContactId: idOf('contact'),
        existingCompanyId: request.existingCompanyId,
        newCompanyId: idOf('company'),
        opportunityId: idOf('opportunity'),
        at: isoNow(this.clock),
      },
    };
    // Everything the lead can refuse is refused now, before anything is recorded.
    const [decision] = decideLead(command, lead);
    if (decision?.type !== 'LeadConversionStarted')
      throw new Error('StartLeadConversion must decide LeadConversionStarted');
    const { leadId: _l, attempt: _a, at, ...plan } = decision.data;
    // The pipeline must exist: refused here, not halfway through.
    await loadPipelineSnapshot(this.commands, tenant, request.opportunity.pipelineId);

    const input: ConversionInput = {
      leadId,
      attempt,
      actor: caller.actor,
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      request: normalised(request),
      plan,
      viaContactsApi: this.contacts !== undefined,
      at,
    };
    const key = { tenant, id: plan.conversionId };
    const { record, created } = await this.processes.runner.store.start(
      { ...key, type: LEAD_CONVERSION },
      input,
    );
    // Another request started this conversion first, with other data: not a retry of it.
    if (!created && !sameRequest(record.input.request, request)) {
      throw LeadErrors.leadConversionInProgress(leadId, plan.conversionId);
    }
    return this.answer(
      tenant,
      await this.processes.runner.advance(this.definition, key, caller.authorization),
    );
  }

  /** The conversion process of the lead's current (or last) conversion, for GET. */
  async status(
    tenant: string,
    leadId: string,
  ): Promise<ProcessRecord<ConversionInput> | undefined> {
    const { state } = await this.commands.load(leadDecider, tenant, STREAM.lead(leadId));
    if (!state.exists) throw LeadErrors.leadNotFound();
    const attempts = state.conversionAttempts ?? 0;
    // Newest first: a next attempt refused before it recorded its decision exists only here.
    for (const attempt of [attempts + 1, attempts].filter((n) => n > 0)) {
      const record = await this.processes.runner.store.get<ConversionInput>({
        tenant,
        type: LEAD_CONVERSION,
        id: deterministicId(tenant, 'lead', leadId, String(attempt), 'conversion'),
      });
      if (record) return record;
    }
    return undefined;
  }

  private async answer(
    tenant: string,
    outcome: ProcessOutcome<ConversionInput>,
  ): Promise<ConversionResult> {
    if (outcome.status === 'refused') throw new ProblemException(outcome.problem);
    const { input } = outcome.record;
    const { version } = await this.commands.load(leadDecider, tenant, STREAM.lead(input.leadId));
    return {
      conversionId: outcome.record.id,
      status: outcome.status,
      plan: input.plan,
      created: {
        contact: input.viaContactsApi && input.plan.contactCreated,
        company: input.viaContactsApi && input.plan.companyCreated,
      },
      version,
    };
  }

  // The steps. Each one is idempotent: it may run again after a crash between its effect and
  // the process's record of it.

  private async recordDecision({ tenant, input }: StepContext<ConversionInput>): Promise<void> {
    const stream = STREAM.lead(input.leadId);
    const { state } = await this.commands.load(leadDecider, tenant, stream);
    if (state.conversion?.conversionId === input.plan.conversionId) return;
    const { plan, request } = input;
    await this.commands.execute(
      leadDecider,
      stream,
      {
        type: 'StartLeadConversion',
        data: {
          conversionId: plan.conversionId,
          attempt: input.attempt,
          existingContactId: request.existingContactId,
          newContactId: plan.contactId,
          existingCompanyId: request.existingCompanyId,
          newCompanyId: plan.companyId,
          opportunityId: plan.opportunityId,
          at: input.at,
        },
      },
      { tenant, actor: input.actor, expectedVersion: input.expectedVersion },
    );
  }

  private async createCompany(context: StepContext<ConversionInput>): Promise<void> {
    const lead = await this.lead(context);
    await this.gateway().createCompany(
      context.input.plan.companyId!,
      lead.profile.company ?? lead.profile.name,
      call(context),
    );
  }

  private async createContact(context: StepContext<ConversionInput>): Promise<void> {
    const lead = await this.lead(context);
    await this.gateway().createContact(
      context.input.plan.contactId,
      lead.profile,
      { companyId: context.input.plan.companyId, ownerId: lead.ownerId ?? context.input.actor },
      call(context),
    );
  }

  private async openOpportunity(context: StepContext<ConversionInput>): Promise<void> {
    const { tenant, input } = context;
    const lead = await this.lead(context);
    const { opportunity } = input.request;
    try {
      await this.commands.execute(
        opportunityDecider,
        STREAM.opportunity(input.plan.opportunityId),
        {
          type: 'OpenOpportunity',
          data: {
            opportunityId: input.plan.opportunityId,
            name:
              opportunity.name ??
              [lead.profile.name, lead.profile.interest].filter(Boolean).join(' - '),
            pipeline: await loadPipelineSnapshot(this.commands, tenant, opportunity.pipelineId),
            amountMinor: opportunity.amountMinor,
            currency: opportunity.currency,
            expectedCloseDate: opportunity.expectedCloseDate,
            ownerId: lead.ownerId ?? input.actor,
            contactId: input.plan.contactId,
            companyId: input.plan.companyId,
            leadId: input.leadId,
            at: input.at,
          },
        },
        { tenant, actor: input.actor },
      );
    } catch (error) {
      // Opened by an earlier run of this step: its id is this conversion's own.
      if (isDomainError(error) && error.code === 'OpportunityAlreadyExists') return;
      throw error;
    }
  }

  private async recordConversion({ tenant, input }: StepContext<ConversionInput>): Promise<void> {
    await this.commands.execute(
      leadDecider,
      STREAM.lead(input.leadId),
      { type: 'ConvertLead', data: { conversionId: input.plan.conversionId, at: input.at } },
      { tenant, actor: input.actor },
    );
  }

  private async abandon(context: StepContext<ConversionInput>): Promise<void> {
    const { tenant, input } = context;
    await this.commands.execute(
      leadDecider,
      STREAM.lead(input.leadId),
      {
        type: 'AbandonLeadConversion',
        data: {
          conversionId: input.plan.conversionId,
          reason: 'the conversion was refused on the way and undone',
          at: isoNow(this.clock),
        },
      },
      { tenant, actor: input.actor },
    );
  }

  private async lead({ tenant, input }: StepContext<ConversionInput>) {
    return (await this.commands.load(leadDecider, tenant, STREAM.lead(input.leadId))).state;
  }

  private gateway(): ContactsGateway {
    // The plan said "via the contacts API" when CONTACTS_URL was set; it must still be.
    if (!this.contacts) throw new Error('CONTACTS_URL is no longer set; the conversion waits');
    return this.contacts;
  }

  /**
   * The resumer acts for the user who asked for the conversion. With HS256 (development, tests)
   * the service can sign that short-lived token itself; with an identity provider it cannot, and
   * the process waits, visibly pending, for the client's retry.
   */
  private async resumeAuthorization(
    tenant: string,
    input: ConversionInput,
  ): Promise<string | undefined> {
    const { jwt } = this.platform;
    if (jwt.algorithm !== 'HS256') return undefined;
    const token = await mintDevToken({
      tenant,
      roles: ['sales-rep'],
      sub: input.actor || RESUMER,
      secret: jwt.secret,
      expiresIn: '5m',
      ...(jwt.issuer ? { issuer: jwt.issuer } : {}),
      ...(jwt.audience ? { audience: jwt.audience } : {}),
    });
    return `Bearer ${token}`;
  }
}

const call = (context: StepContext<ConversionInput>) => ({
  authorization: context.authorization,
  idempotencyKey: context.idempotencyKey,
});

function normalised(request: ConversionRequest): ConversionRequest {
  return JSON.parse(JSON.stringify(request)) as ConversionRequest;
}

/** The same conversion request (key order and absent members aside). */
function sameRequest(a: ConversionRequest, b: ConversionRequest): boolean {
  return canonicalJson(normalised(a)) === canonicalJson(normalised(b));
}
