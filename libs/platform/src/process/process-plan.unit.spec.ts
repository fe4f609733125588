import {
  nextAction,
  retryDelayMs,
  type ProcessDefinition,
  type ProcessProgress,
} from './process-plan';

type Input = { withCompany: boolean };
const noop = async () => undefined;
const definition: ProcessDefinition<Input> = {
  type: 'test.conversion',
  steps: [
    { name: 'decide', run: noop, compensate: noop },
    { name: 'company', when: (i) => i.withCompany, run: noop, compensate: noop },
    { name: 'contact', run: noop, compensate: noop },
    { name: 'opportunity', run: noop },
    { name: 'finish', run: noop },
  ],
};
const progress = (p: Partial<ProcessProgress>): ProcessProgress => ({
  status: 'pending',
  stepsDone: [],
  compensated: [],
  ...p,
});
const next = (input: Input, p: Partial<ProcessProgress>) => {
  const action = nextAction(definition, input, progress(p));
  return 'step' in action ? `${action.kind} ${action.step.name}` : action.kind;
};

describe('nextAction', () => {
  it('runs the steps in order, skipping those the input does not need', () => {
    const order: string[] = [];
    const done: string[] = [];
    for (let i = 0; i < 10; i++) {
      const action = next({ withCompany: false }, { stepsDone: done });
      order.push(action);
      if (action === 'complete') break;
      done.push(action.split(' ')[1]);
    }
    expect(order).toEqual([
      'run decide',
      'run contact',
      'run opportunity',
      'run finish',
      'complete',
    ]);
  });

  it('resumes after a crash at the first step the record does not list as done', () => {
    expect(next({ withCompany: true }, { stepsDone: ['decide', 'company'] })).toBe('run contact');
    // The record is the truth, whatever order the steps were recorded in.
    expect(next({ withCompany: true }, { stepsDone: ['company', 'decide', 'contact'] })).toBe(
      'run opportunity',
    );
    expect(
      next(
        { withCompany: true },
        { stepsDone: ['decide', 'company', 'contact', 'opportunity', 'finish'] },
      ),
    ).toBe('complete');
  });

  it('undoes what was done, newest first, only steps that can be undone, each once', () => {
    const refused = {
      status: 'compensating' as const,
      stepsDone: ['decide', 'company', 'contact', 'opportunity'],
    };
    expect(next({ withCompany: true }, refused)).toBe('compensate contact');
    expect(next({ withCompany: true }, { ...refused, compensated: ['contact'] })).toBe(
      'compensate company',
    );
    expect(next({ withCompany: true }, { ...refused, compensated: ['contact', 'company'] })).toBe(
      'compensate decide',
    );
    expect(
      next({ withCompany: true }, { ...refused, compensated: ['contact', 'company', 'decide'] }),
    ).toBe('compensated');
    // Refused at the first step: nothing was done, nothing to undo.
    expect(next({ withCompany: true }, { status: 'compensating', stepsDone: [] })).toBe(
      'compensated',
    );
  });

  it('does nothing more for a final process', () => {
    for (const status of ['completed', 'compensated', 'failed'] as const)
      expect(next({ withCompany: true }, { status })).toBe('none');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, 100, 500))).toEqual([100, 200, 400, 500]);
    expect(retryDelayMs(1_000, 100, 500)).toBe(500);
  });
});
