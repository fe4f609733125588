export * from './record-history';
export * from './record-history.service';
export * from './history.dto';
export * from './history-route';
