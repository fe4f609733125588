/**
 * A segment's lifecycle: draft -> active -> archived. Drafts are shaped and previewed; activation
 * hands the segment to the membership helper (it evaluates segments whose status is `active`);
 * archiving ends it for good (everyone leaves). There is no way back from active to draft: its
 * joins and leaves have been announced (`segment.member_joined/left`) and a draft has no members,
 * so "un-activating" would be an archive in disguise; a live rule is edited in place instead
 * (the membership helper re-evaluates everyone at the new rule version).
 * Repeating a transition (activate an active segment, archive an archived one) changes nothing.
 */
import type { Decider } from '@crm/event-sourcing';
import { parseOptionalText, parseText } from '@crm/values';
import type { Rule } from './rules/rule';
import { validateRule } from './rules/validate-rule';
import type { SegmentCommand } from './segment.commands';
import type { SegmentEvent, SegmentKind, SegmentStatus } from './segment.events';
import { SegmentErrors } from './segment.errors';

/** The most contacts one upload may list (the whole static list is replaced by each upload). */
export const MAX_LISTED_CONTACTS = 10_000;
export const MAX_SEGMENT_NAME = 200;
export const MAX_SEGMENT_DESCRIPTION = 2000;

export interface SegmentState {
  readonly exists: boolean;
  readonly segmentId: string;
  readonly name: string;
  readonly description?: string;
  readonly kind: SegmentKind;
  readonly status: SegmentStatus;
  /** The validated rule of a dynamic segment; null for a static one. */
  readonly rule: Rule | null;
  /** A static segment's listed contacts, de-duplicated and sorted; empty for a dynamic one. */
  readonly contactIds: readonly string[];
  /**
   * What the membership helper compares with what it last evaluated: 1 at creation, one more
   * whenever the rule or the static list changes and on activation.
   */
  readonly ruleVersion: number;
}

export const initialSegmentState = (): SegmentState => ({
  exists: false,
  segmentId: '',
  name: '',
  kind: 'dynamic',
  status: 'draft',
  rule: null,
  contactIds: [],
  ruleVersion: 0,
});

export function evolveSegment(state: SegmentState, event: SegmentEvent): SegmentState {
  switch (event.type) {
    case 'SegmentCreated': {
      const { segmentId, name, description, kind, rule } = event.data;
      return {
        ...initialSegmentState(),
        exists: true,
        segmentId,
        name,
        ...(description !== undefined ? { description } : {}),
        kind,
        rule,
        ruleVersion: 1,
      };
    }
    case 'SegmentDetailsChanged': {
      const { name, description } = event.data;
      const { description: _cleared, ...rest } = state;
      return { ...rest, name, ...(description !== undefined ? { description } : {}) };
    }
    case 'SegmentRuleChanged':
      return { ...state, rule: event.data.rule, ruleVersion: state.ruleVersion + 1 };
    case 'SegmentMembersListed':
      return { ...state, contactIds: event.data.contactIds, ruleVersion: state.ruleVersion + 1 };
    case 'SegmentActivated':
      return { ...state, status: 'active', ruleVersion: state.ruleVersion + 1 };
    case 'SegmentArchived':
      return { ...state, status: 'archived' };
  }
}

export function decideSegment(command: SegmentCommand, state: SegmentState): SegmentEvent[] {
  if (command.type === 'CreateSegment') {
    if (state.exists) throw SegmentErrors.segmentAlreadyExists(state.segmentId);
    const { segmentId, kind } = command.data;
    const details = validDetails(command.data.name, command.data.description);
    const rule = kind === 'dynamic' ? requiredRule(command.data.rule) : noRule(command.data.rule);
    return [{ type: 'SegmentCreated', data: { segmentId, ...details, kind, rule } }];
  }
  if (!state.exists) throw SegmentErrors.segmentNotFound();
  const segmentId = state.segmentId;
  if (state.status === 'archived') {
    if (command.type === 'ArchiveSegment') return [];
    throw SegmentErrors.segmentArchived();
  }
  switch (command.type) {
    case 'EditSegment':
      return edit(state, command.data);
    case 'ListSegmentMembers': {
      if (state.kind !== 'static')
        throw SegmentErrors.segmentKindMismatch(state.kind, 'member list');
      const contactIds = [...new Set(command.data.contactIds)].sort();
      if (contactIds.length > MAX_LISTED_CONTACTS)
        throw SegmentErrors.tooManyListedContacts(MAX_LISTED_CONTACTS);
      if (sameList(contactIds, state.contactIds)) return [];
      return [
        {
          type: 'SegmentMembersListed',
          data: { segmentId, contactIds, ruleVersion: state.ruleVersion + 1 },
        },
      ];
    }
    case 'ActivateSegment':
      if (state.status === 'active') return [];
      return [
        { type: 'SegmentActivated', data: { segmentId, ruleVersion: state.ruleVersion + 1 } },
      ];
    case 'ArchiveSegment':
      return [{ type: 'SegmentArchived', data: { segmentId } }];
  }
}

export const segmentDecider: Decider<SegmentCommand, SegmentEvent, SegmentState> = {
  initialState: initialSegmentState,
  evolve: evolveSegment,
  decide: decideSegment,
};

/** Everything is validated before any event is decided: a bad rule saves no rename either. */
function edit(
  state: SegmentState,
  patch: { name?: string; description?: string | null; rule?: unknown },
): SegmentEvent[] {
  const segmentId = state.segmentId;
  const details = validDetails(
    patch.name === undefined ? state.name : patch.name,
    patch.description === undefined ? state.description : patch.description,
  );
  let rule: Rule | null = state.rule;
  if (patch.rule !== undefined) {
    if (state.kind === 'static') {
      if (patch.rule !== null) throw SegmentErrors.segmentKindMismatch('static', 'rule');
    } else {
      rule = requiredRule(patch.rule);
    }
  }
  const events: SegmentEvent[] = [];
  if (details.name !== state.name || details.description !== state.description)
    events.push({ type: 'SegmentDetailsChanged', data: { segmentId, ...details } });
  if (rule && JSON.stringify(rule) !== JSON.stringify(state.rule))
    events.push({
      type: 'SegmentRuleChanged',
      data: { segmentId, rule, ruleVersion: state.ruleVersion + 1 },
    });
  return events;
}

function validDetails(name: unknown, description: unknown): { name: string; description?: string } {
  const text = parseOptionalText(description, 'description', MAX_SEGMENT_DESCRIPTION);
  return {
    name: parseText(name, 'name', MAX_SEGMENT_NAME),
    ...(text !== undefined ? { description: text } : {}),
  };
}

function requiredRule(raw: unknown): Rule {
  if (raw === undefined || raw === null) throw SegmentErrors.ruleRequired();
  const validation = validateRule(raw);
  if (!validation.ok) throw SegmentErrors.invalidRule(validation.errors);
  return validation.rule;
}

function noRule(raw: unknown): null {
  if (raw !== undefined && raw !== null)
    throw SegmentErrors.invalidRule([{ path: 'rule', detail: 'a static segment has no rule' }]);
  return null;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
