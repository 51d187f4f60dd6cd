export type BenchResult = {
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  /** sample size: rows, candles or repetitions behind the number */
  readonly n: number;
  readonly note?: string;
  readonly extra?: Record<string, number | string | null>;
};

export type BenchContext = { readonly dataDir: string; readonly json: boolean };

export interface BenchSection {
  readonly name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}
