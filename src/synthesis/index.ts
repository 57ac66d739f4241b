/**
 * The synthesis engine: trial datasets in, pooled analyses, forest plots
 * and downloads out. This file only re-exports; each concept lives in its
 * own module.
 */
export * from './effects';
export * from './pool';
export * from './absolute';
export * from './dataset';
export * from './analyse';
export * from './forestPlot';
export * from './exports';
export * from './format';
