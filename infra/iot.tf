# Home devices publish readings over MQTT to IoT Core; a trigger hands each message to the
# readings-iot function. The trigger lives here, not in serverless.yml, because the Serverless
# plugin has no IoT trigger type; the function itself is deployed by serverless.yml, so its id
# comes in as a variable (empty: no trigger yet, e.g. before the first function deploy).

resource "yandex_iot_core_registry" "devices" {
  name        = "${var.name_prefix}-devices"
  description = "Home measuring devices (blood pressure cuffs, glucometers, oximeters)"
  labels      = var.labels
}

resource "yandex_function_trigger" "readings_iot" {
  count       = var.readings_iot_function_id == "" ? 0 : 1
  name        = "${var.name_prefix}-readings-iot"
  description = "MQTT messages of registered devices → readings-iot"
  labels      = var.labels

  iot {
    registry_id = yandex_iot_core_registry.devices.id
    topic       = "$devices/#"
  }

  function {
    id                 = var.readings_iot_function_id
    service_account_id = yandex_iam_service_account.app["trigger-invoker"].id
    retry_attempts     = "3"
    retry_interval     = "10"
  }

  # Messages that still fail after the retries are kept for a human, not dropped.
  dlq {
    queue_id           = yandex_message_queue.dlq["readings"].arn
    service_account_id = yandex_iam_service_account.app["trigger-invoker"].id
  }
}
