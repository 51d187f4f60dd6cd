import type { IndicatorSpec } from '../types.js';
import { betaSpec } from './beta.js';
import { correlSpec } from './correl.js';
import { linearregSpec } from './linearreg.js';
import { linearregAngleSpec } from './linearreg-angle.js';
import { linearregInterceptSpec } from './linearreg-intercept.js';
import { linearregSlopeSpec } from './linearreg-slope.js';
import { stddevSpec } from './stddev.js';
import { tsfSpec } from './tsf.js';
import { varSpec } from './var.js';

export { Beta, beta } from './beta.js';
export { Correl, correl } from './correl.js';
export { LinearReg, linearreg } from './linearreg.js';
export { LinearRegAngle, linearreg_angle } from './linearreg-angle.js';
export { LinearRegIntercept, linearreg_intercept } from './linearreg-intercept.js';
export { LinearRegSlope, linearreg_slope } from './linearreg-slope.js';
export { LinRegWindow } from './linreg-window.js';
export { Stddev, stddev } from './stddev.js';
export { Tsf, tsf } from './tsf.js';
export { Var, variance } from './var.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const statisticSpecs: readonly IndicatorSpec<any>[] = [
  stddevSpec,
  varSpec,
  linearregSpec,
  linearregSlopeSpec,
  linearregAngleSpec,
  linearregInterceptSpec,
  tsfSpec,
  correlSpec,
  betaSpec,
];
