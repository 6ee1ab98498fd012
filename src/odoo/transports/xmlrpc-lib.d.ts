// Typings for the part of the `xmlrpc` package the XML-RPC transport uses directly: its encoder
// (its HTTP client cannot take a per-call AbortSignal or TLS options). A CommonJS module: loaded
// with import(), its exports are the default export (Node and esbuild's chunks agree on that).
declare module 'xmlrpc/lib/serializer.js' {
  const serializer: {
    serializeMethodCall(method: string, params: unknown[], encoding?: string): string;
    serializeMethodResponse(result: unknown): string;
    serializeFault(fault: { faultCode: number; faultString: string }): string;
  };
  export default serializer;
}
