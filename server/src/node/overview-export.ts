/**
 * The overview's rendering, bundled on its own (`dist/overview-export.js`): an analysis worker
 * loads it, with the chart library, only when it is first asked for an overview.
 */
export { exportOverview } from '../core/export/index.js';
