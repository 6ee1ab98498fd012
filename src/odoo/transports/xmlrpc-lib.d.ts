// Typings for the part of the `xmlrpc` package the XML-RPC transport uses directly: its encoder
// (its HTTP client cannot take a per-call AbortSignal or TLS options).
declare module 'xmlrpc/lib/serializer.js' {
  export function serializeMethodCall(method: string, params: unknown[], encoding?: string): string;
  export function serializeMethodResponse(result: unknown): string;
  export function serializeFault(fault: { faultCode: number; faultString: string }): string;
}

