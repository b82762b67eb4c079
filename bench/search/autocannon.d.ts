/** The part of autocannon's API the search benchmark uses (the package ships no types). */
declare module 'autocannon' {
  interface Options {
    url: string;
    connections: number;
    duration: number;
    workers?: number;
    requests?: {
      method: 'GET';
      path?: string;
      /** Called before each request; returns the request to send. */
      setupRequest?: (req: { method: 'GET'; path: string }) => { method: 'GET'; path: string };
    }[];
  }
  interface Histogram {
    average: number;
    p50: number;
    p97_5: number;
    p99: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  }
  function autocannon(opts: Options): Promise<autocannon.Result>;
  namespace autocannon {
    export type { Result };
  }
  export default autocannon;
}
