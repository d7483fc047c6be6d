// The part of jstat (no types of its own) the A/B statistics use.
declare module "jstat" {
  interface Distribution1 {
    cdf(x: number, param: number): number;
    inv(p: number, param: number): number;
  }
  interface Normal {
    cdf(x: number, mean: number, sd: number): number;
    inv(p: number, mean: number, sd: number): number;
  }
  const jStat: { normal: Normal; studentt: Distribution1; chisquare: Distribution1 };
  export default jStat;
}
