/** mulberry32: a small deterministic PRNG; numbers in [0, 1). */
export declare function random(seed: number): () => number;
