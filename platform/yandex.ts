/**
 * Shapes Yandex Cloud passes to a function (reference/yandex-cloud.md §1.3, §2).
 * The local cloud builds exactly these, so handlers cannot tell the two apart.
 */
export interface FunctionContext {
  requestId: string;
  functionName: string;
  functionVersion: string;
  memoryLimitInMB: string;
  token?: { access_token: string; expires_in: number; token_type: 'Bearer' };
  getRemainingTimeInMillis(): number;
  getPayload?(): unknown;
}

/** API Gateway `cloud_functions` integration, `payload_format_version: "1.0"`. */
export interface HttpEvent {
  version: '1.0';
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  requestContext: {
    identity: { sourceIp: string; userAgent: string };
    httpMethod: string;
    requestId: string;
    requestTime: string;
    requestTimeEpoch: number;
    authorizer?: { jwt?: { claims: Record<string, unknown>; scopes: string[] } };
    apiGateway?: { operationContext: Record<string, unknown> };
  };
  pathParameters: Record<string, string>;
  parameters: Record<string, string>;
  multiValueParameters: Record<string, string[]>;
  operationId: string;
  body: string;
  isBase64Encoded: boolean;
}

export interface HttpResponse {
  statusCode: number;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body?: string;
  isBase64Encoded?: boolean;
}

interface TriggerMessage<TType extends string, TDetails> {
  event_metadata: {
    event_id: string;
    event_type: TType;
    created_at: string;
    cloud_id?: string;
    folder_id?: string;
    tracing_context?: { trace_id: string; span_id: string; parent_span_id: string };
  };
  details: TDetails;
}

export interface QueueMessage {
  message_id: string;
  md5_of_body: string;
  body: string;
  attributes: Record<string, string>;
  message_attributes: Record<string, { dataType: string; stringValue?: string }>;
  md5_of_message_attributes: string;
}

export interface MessageQueueEvent {
  messages: TriggerMessage<
    'yandex.cloud.events.messagequeue.QueueMessage',
    { queue_id: string; message: QueueMessage }
  >[];
}

export interface ObjectStorageEvent {
  messages: TriggerMessage<
    | 'yandex.cloud.events.storage.ObjectCreate'
    | 'yandex.cloud.events.storage.ObjectUpdate'
    | 'yandex.cloud.events.storage.ObjectDelete',
    { bucket_id: string; object_id: string }
  >[];
}

export interface TimerEvent {
  messages: TriggerMessage<
    'yandex.cloud.events.serverless.triggers.TimerMessage',
    { trigger_id: string; payload?: string }
  >[];
}

/** IoT Core trigger (reference/yandex-cloud.md §2e): `payload` is the MQTT message, base64. */
export interface IotCoreEvent {
  messages: TriggerMessage<
    'yandex.cloud.events.iot.IoTMessage',
    { registry_id: string; device_id: string; mqtt_topic: string; payload: string }
  >[];
}

/** The queue name is the last segment of a Message Queue YRN (`yrn:yc:ymq:ru-central1:<folder>:<name>`). */
export function queueNameFromYrn(queueId: string): string {
  const name = queueId.split(':').at(-1);
  if (!name) throw new Error(`Not a Message Queue id: ${queueId}`);
  return name;
}
