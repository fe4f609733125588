/**
 * `@crm/event-sourcing/cli`: the projection CLIs (rebuild, parked) and their registry type, kept
 * out of the main entry so production imports do not load cli-progress and argument parsing.
 * The CLI files stay runnable by path (the root package.json scripts).
 */
export * from '../projections/cli/rebuild';
export * from '../projections/cli/parked';
