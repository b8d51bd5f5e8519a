// The package ships no types; only the two-class trainer is used (the main export trains one model per class).
declare module "ml-logistic-regression/src/logreg_2classes.js" {
  import type { Matrix } from "ml-matrix";
  export default class LogisticRegressionTwoClasses {
    constructor(options?: { numSteps?: number; learningRate?: number });
    weights: Matrix;
    train(features: Matrix, target: Matrix): void;
    testScores(features: Matrix): number[];
  }
}
