// The plan's reads: the tree, the detail of a node or indicator, and the reports, each in its own file.
export * from './read-details.ts';
export * from './read-reports.ts';
export * from './read-tree.ts';
