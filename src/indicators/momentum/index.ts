import type { IndicatorSpec } from '../types.js';
import { apoSpec } from './apo.js';
import { cmoSpec } from './cmo.js';
import { macdSpec, macdfixSpec } from './macd.js';
import { momSpec } from './mom.js';
import { ppoSpec } from './ppo.js';
import { rocSpec } from './roc.js';
import { rocpSpec } from './rocp.js';
import { rocrSpec } from './rocr.js';
import { rocr100Spec } from './rocr100.js';
import { rsiSpec } from './rsi.js';
import { stochSpec } from './stoch.js';
import { stochfSpec } from './stochf.js';
import { stochrsiSpec } from './stochrsi.js';
import { trixSpec } from './trix.js';
// PLUS_DM .. WILLR family
import { adxSpec } from './adx.js';
import { adxrSpec } from './adxr.js';
import { aroonSpec } from './aroon.js';
import { aroonoscSpec } from './aroonosc.js';
import { bopSpec } from './bop.js';
import { cciSpec } from './cci.js';
import { dxSpec } from './dx.js';
import { mfiSpec } from './mfi.js';
import { minusDiSpec } from './minus-di.js';
import { minusDmSpec } from './minus-dm.js';
import { plusDiSpec } from './plus-di.js';
import { plusDmSpec } from './plus-dm.js';
import { ultoscSpec } from './ultosc.js';
import { willrSpec } from './willr.js';

export { Apo, apo } from './apo.js';
export { Cmo, cmo } from './cmo.js';
export { Macd, MacdFix, macd, macdfix } from './macd.js';
export { Mom, mom } from './mom.js';
export { Ppo, ppo } from './ppo.js';
export { Roc, roc } from './roc.js';
export { Rocp, rocp } from './rocp.js';
export { Rocr, rocr } from './rocr.js';
export { Rocr100, rocr100 } from './rocr100.js';
export { Rsi, rsi } from './rsi.js';
export { Stoch, stoch } from './stoch.js';
export { FastKWindow, StochF, stochf } from './stochf.js';
export { StochRsi, stochrsi } from './stochrsi.js';
export { Trix, trix } from './trix.js';
// PLUS_DM .. WILLR family
export { Adx, adx } from './adx.js';
export { Adxr, adxr } from './adxr.js';
export { Aroon, aroon } from './aroon.js';
export { AroonOsc, aroonosc } from './aroonosc.js';
export { Bop, bop } from './bop.js';
export { Cci, cci } from './cci.js';
export { DirectionalMovement } from './directional-movement.js';
export { Dx, dx } from './dx.js';
export { HighLowWindow } from './high-low-window.js';
export { Mfi, mfi } from './mfi.js';
export { MinusDi, minus_di } from './minus-di.js';
export { MinusDm, minus_dm } from './minus-dm.js';
export { PlusDi, plus_di } from './plus-di.js';
export { PlusDm, plus_dm } from './plus-dm.js';
export { UltOsc, ultosc } from './ultosc.js';
export { WillR, willr } from './willr.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const momentumSpecs: readonly IndicatorSpec<any>[] = [
  // MOM .. TRIX family
  momSpec,
  rocSpec,
  rocpSpec,
  rocrSpec,
  rocr100Spec,
  rsiSpec,
  cmoSpec,
  apoSpec,
  ppoSpec,
  macdSpec,
  macdfixSpec,
  stochSpec,
  stochfSpec,
  stochrsiSpec,
  trixSpec,
  // PLUS_DM .. WILLR family
  plusDmSpec,
  minusDmSpec,
  plusDiSpec,
  minusDiSpec,
  dxSpec,
  adxSpec,
  adxrSpec,
  aroonSpec,
  aroonoscSpec,
  bopSpec,
  cciSpec,
  mfiSpec,
  ultoscSpec,
  willrSpec,
];
