export { ExchangeSim, type ExchangeSimOptions, type ExchangeSimStats } from './server.js';
export { SimMarketData, aggregate, type SimHole, type SimSeriesInput } from './data.js';
export { parseFaultSpec, seededRandom, type CorruptFault, type CorruptKind, type FaultSpec, type RateLimitFault, type RestFaults, type WsFaults } from './faults.js';
