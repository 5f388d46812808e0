// The classifier's public face: what the server's routes call. Everything here is pure except the
// one-time load of the network ranges (loadNetworkTable), which the server should call at startup
// so a bad INKLING_RANGES_FILE stops the start instead of the first hit.
export { classifyHit } from './classify-hit';
export { attribute } from './attribute';
export { planHitEvents, planReplyEvents } from './plan-events';
export { defaultNetworkTable as loadNetworkTable, loadRangesFile, BUNDLED_RANGES_FILE } from './ranges-file';
export type { NetworkTable } from './network-table';
export type * from './types';
