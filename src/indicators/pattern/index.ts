/** Candlestick pattern recognition (TA-Lib TA_CDL*). */
import type { IndicatorSpec } from '../types.js';
import { cdl2crowsSpec } from './cdl-2-crows.js';
import { cdl3blackcrowsSpec } from './cdl-3-black-crows.js';
import { cdl3insideSpec } from './cdl-3-inside.js';
import { cdl3linestrikeSpec } from './cdl-3-line-strike.js';
import { cdl3outsideSpec } from './cdl-3-outside.js';
import { cdl3starsinsouthSpec } from './cdl-3-stars-in-south.js';
import { cdl3whitesoldiersSpec } from './cdl-3-white-soldiers.js';
import { cdlabandonedbabySpec } from './cdl-abandoned-baby.js';
import { cdladvanceblockSpec } from './cdl-advance-block.js';
import { cdlbeltholdSpec } from './cdl-belt-hold.js';
import { cdlbreakawaySpec } from './cdl-breakaway.js';
import { cdlclosingmarubozuSpec } from './cdl-closing-marubozu.js';
import { cdlconcealbabyswallSpec } from './cdl-conceal-baby-swallow.js';
import { cdlcounterattackSpec } from './cdl-counterattack.js';
import { cdldarkcloudcoverSpec } from './cdl-dark-cloud-cover.js';
import { cdldojiSpec } from './cdl-doji.js';
import { cdldojistarSpec } from './cdl-doji-star.js';
import { cdldragonflydojiSpec } from './cdl-dragonfly-doji.js';
import { cdlengulfingSpec } from './cdl-engulfing.js';
import { cdleveningdojistarSpec } from './cdl-evening-doji-star.js';
import { cdleveningstarSpec } from './cdl-evening-star.js';
import { cdlgapsidesidewhiteSpec } from './cdl-gap-side-side-white.js';
import { cdlgravestonedojiSpec } from './cdl-gravestone-doji.js';
import { cdlhammerSpec } from './cdl-hammer.js';
import { cdlhangingmanSpec } from './cdl-hanging-man.js';
import { cdlharamiSpec } from './cdl-harami.js';
import { cdlharamicrossSpec } from './cdl-harami-cross.js';
import { cdlhighwaveSpec } from './cdl-high-wave.js';
import { cdlhomingpigeonSpec } from './cdl-homing-pigeon.js';
import { cdlidentical3crowsSpec } from './cdl-identical-3-crows.js';
import { cdlinneckSpec } from './cdl-in-neck.js';
import { cdlinvertedhammerSpec } from './cdl-inverted-hammer.js';
import { cdlkickingSpec } from './cdl-kicking.js';
import { cdlkickingbylengthSpec } from './cdl-kicking-by-length.js';
import { cdlladderbottomSpec } from './cdl-ladder-bottom.js';
import { cdllongleggeddojiSpec } from './cdl-long-legged-doji.js';
import { cdllonglineSpec } from './cdl-long-line.js';
import { cdlmarubozuSpec } from './cdl-marubozu.js';
import { cdlmatholdSpec } from './cdl-mat-hold.js';
import { cdlmatchinglowSpec } from './cdl-matching-low.js';
import { cdlmorningdojistarSpec } from './cdl-morning-doji-star.js';
import { cdlmorningstarSpec } from './cdl-morning-star.js';
import { cdlonneckSpec } from './cdl-on-neck.js';
import { cdlpiercingSpec } from './cdl-piercing.js';
import { cdlrickshawmanSpec } from './cdl-rickshaw-man.js';
import { cdlrisefall3methodsSpec } from './cdl-rise-fall-3-methods.js';
import { cdlseparatinglinesSpec } from './cdl-separating-lines.js';
import { cdlshootingstarSpec } from './cdl-shooting-star.js';
import { cdlshortlineSpec } from './cdl-short-line.js';
import { cdlspinningtopSpec } from './cdl-spinning-top.js';
import { cdlstalledpatternSpec } from './cdl-stalled-pattern.js';
import { cdlsticksandwichSpec } from './cdl-stick-sandwich.js';
import { cdltakuriSpec } from './cdl-takuri.js';
import { cdltasukigapSpec } from './cdl-tasuki-gap.js';
import { cdlthrustingSpec } from './cdl-thrusting.js';
import { cdltristarSpec } from './cdl-tristar.js';
import { cdlunique3riverSpec } from './cdl-unique-3-river.js';
import { cdlupsidegap2crowsSpec } from './cdl-upside-gap-2-crows.js';
import { cdlxsidegap3methodsSpec } from './cdl-x-side-gap-3-methods.js';

export { Cdl2Crows, cdl2crows } from './cdl-2-crows.js';
export { Cdl3BlackCrows, cdl3blackcrows } from './cdl-3-black-crows.js';
export { Cdl3Inside, cdl3inside } from './cdl-3-inside.js';
export { Cdl3LineStrike, cdl3linestrike } from './cdl-3-line-strike.js';
export { Cdl3Outside, cdl3outside } from './cdl-3-outside.js';
export { Cdl3StarsInSouth, cdl3starsinsouth } from './cdl-3-stars-in-south.js';
export { Cdl3WhiteSoldiers, cdl3whitesoldiers } from './cdl-3-white-soldiers.js';
export { CdlAbandonedBaby, cdlabandonedbaby } from './cdl-abandoned-baby.js';
export { CdlAdvanceBlock, cdladvanceblock } from './cdl-advance-block.js';
export { CdlBeltHold, cdlbelthold } from './cdl-belt-hold.js';
export { CdlBreakaway, cdlbreakaway } from './cdl-breakaway.js';
export { CdlClosingMarubozu, cdlclosingmarubozu } from './cdl-closing-marubozu.js';
export { CdlConcealBabySwallow, cdlconcealbabyswall } from './cdl-conceal-baby-swallow.js';
export { CdlCounterattack, cdlcounterattack } from './cdl-counterattack.js';
export { CdlDarkCloudCover, cdldarkcloudcover } from './cdl-dark-cloud-cover.js';
export { CdlDoji, cdldoji } from './cdl-doji.js';
export { CdlDojiStar, cdldojistar } from './cdl-doji-star.js';
export { CdlDragonflyDoji, cdldragonflydoji } from './cdl-dragonfly-doji.js';
export { CdlEngulfing, cdlengulfing } from './cdl-engulfing.js';
export { CdlEveningDojiStar, cdleveningdojistar } from './cdl-evening-doji-star.js';
export { CdlEveningStar, cdleveningstar } from './cdl-evening-star.js';
export { CdlGapSideSideWhite, cdlgapsidesidewhite } from './cdl-gap-side-side-white.js';
export { CdlGravestoneDoji, cdlgravestonedoji } from './cdl-gravestone-doji.js';
export { CdlHammer, cdlhammer } from './cdl-hammer.js';
export { CdlHangingMan, cdlhangingman } from './cdl-hanging-man.js';
export { CdlHarami, cdlharami } from './cdl-harami.js';
export { CdlHaramiCross, cdlharamicross } from './cdl-harami-cross.js';
export { CdlHighWave, cdlhighwave } from './cdl-high-wave.js';
export { CdlHomingPigeon, cdlhomingpigeon } from './cdl-homing-pigeon.js';
export { CdlIdentical3Crows, cdlidentical3crows } from './cdl-identical-3-crows.js';
export { CdlInNeck, cdlinneck } from './cdl-in-neck.js';
export { CdlInvertedHammer, cdlinvertedhammer } from './cdl-inverted-hammer.js';
export { CdlKicking, cdlkicking } from './cdl-kicking.js';
export { CdlKickingByLength, cdlkickingbylength } from './cdl-kicking-by-length.js';
export { CdlLadderBottom, cdlladderbottom } from './cdl-ladder-bottom.js';
export { CdlLongLeggedDoji, cdllongleggeddoji } from './cdl-long-legged-doji.js';
export { CdlLongLine, cdllongline } from './cdl-long-line.js';
export { CdlMarubozu, cdlmarubozu } from './cdl-marubozu.js';
export { CdlMatHold, cdlmathold } from './cdl-mat-hold.js';
export { CdlMatchingLow, cdlmatchinglow } from './cdl-matching-low.js';
export { CdlMorningDojiStar, cdlmorningdojistar } from './cdl-morning-doji-star.js';
export { CdlMorningStar, cdlmorningstar } from './cdl-morning-star.js';
export { CdlOnNeck, cdlonneck } from './cdl-on-neck.js';
export { CdlPiercing, cdlpiercing } from './cdl-piercing.js';
export { CdlRickshawMan, cdlrickshawman } from './cdl-rickshaw-man.js';
export { CdlRiseFall3Methods, cdlrisefall3methods } from './cdl-rise-fall-3-methods.js';
export { CdlSeparatingLines, cdlseparatinglines } from './cdl-separating-lines.js';
export { CdlShootingStar, cdlshootingstar } from './cdl-shooting-star.js';
export { CdlShortLine, cdlshortline } from './cdl-short-line.js';
export { CdlSpinningTop, cdlspinningtop } from './cdl-spinning-top.js';
export { CdlStalledPattern, cdlstalledpattern } from './cdl-stalled-pattern.js';
export { CdlStickSandwich, cdlsticksandwich } from './cdl-stick-sandwich.js';
export { CdlTakuri, cdltakuri } from './cdl-takuri.js';
export { CdlTasukiGap, cdltasukigap } from './cdl-tasuki-gap.js';
export { CdlThrusting, cdlthrusting } from './cdl-thrusting.js';
export { CdlTristar, cdltristar } from './cdl-tristar.js';
export { CdlUnique3River, cdlunique3river } from './cdl-unique-3-river.js';
export { CdlUpsideGap2Crows, cdlupsidegap2crows } from './cdl-upside-gap-2-crows.js';
export { CdlXSideGap3Methods, cdlxsidegap3methods } from './cdl-x-side-gap-3-methods.js';
export { CandlePattern } from './candle-pattern.js';
export { CANDLE_SETTINGS, CandleWindow, type CandleSetting } from './candle-settings.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const patternSpecs: readonly IndicatorSpec<any>[] = [
  cdlengulfingSpec,
  cdlhammerSpec,
  cdlhangingmanSpec,
  cdldojiSpec,
  cdldragonflydojiSpec,
  cdlgravestonedojiSpec,
  cdllongleggeddojiSpec,
  cdldojistarSpec,
  cdlmorningstarSpec,
  cdleveningstarSpec,
  cdlmorningdojistarSpec,
  cdleveningdojistarSpec,
  cdl3whitesoldiersSpec,
  cdl3blackcrowsSpec,
  cdlharamiSpec,
  cdlharamicrossSpec,
  cdlpiercingSpec,
  cdldarkcloudcoverSpec,
  cdlshootingstarSpec,
  cdlinvertedhammerSpec,
  cdlmarubozuSpec,
  cdlspinningtopSpec,
  cdlhighwaveSpec,
  cdlbeltholdSpec,
  cdl2crowsSpec,
  cdl3insideSpec,
  cdl3linestrikeSpec,
  cdl3outsideSpec,
  cdl3starsinsouthSpec,
  cdlabandonedbabySpec,
  cdladvanceblockSpec,
  cdlbreakawaySpec,
  cdlclosingmarubozuSpec,
  cdlconcealbabyswallSpec,
  cdlcounterattackSpec,
  cdlgapsidesidewhiteSpec,
  cdlhomingpigeonSpec,
  cdlidentical3crowsSpec,
  cdlinneckSpec,
  cdlkickingSpec,
  cdlkickingbylengthSpec,
  cdlladderbottomSpec,
  cdllonglineSpec,
  cdlmatchinglowSpec,
  cdlmatholdSpec,
  cdlonneckSpec,
  cdlrickshawmanSpec,
  cdlrisefall3methodsSpec,
  cdlseparatinglinesSpec,
  cdlshortlineSpec,
  cdlstalledpatternSpec,
  cdlsticksandwichSpec,
  cdltakuriSpec,
  cdltasukigapSpec,
  cdlthrustingSpec,
  cdltristarSpec,
  cdlunique3riverSpec,
  cdlupsidegap2crowsSpec,
  cdlxsidegap3methodsSpec,
];
