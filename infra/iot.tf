# Home devices publish readings over MQTT to IoT Core; a trigger hands each message to the
# readings-iot function. The trigger lives here, not in serverless.yml, because the Serverless
# plugin has no IoT trigger type. The function is serverless.yml's, so the trigger is created in
# the second apply (var.functions_deployed) and finds the function by name.

resource "yandex_iot_core_registry" "devices" {
  folder_id   = var.folder_id
  name        = "${var.name_prefix}-devices"
  description = "Home measuring devices (blood pressure cuffs, glucometers, oximeters)"
  labels      = var.labels
}

data "yandex_function" "readings_iot" {
  count = var.functions_deployed ? 1 : 0

  folder_id = var.folder_id
  name      = "${var.function_name_prefix}readings-iot"
}

resource "yandex_function_trigger" "readings_iot" {
  count = var.functions_deployed ? 1 : 0

  folder_id   = var.folder_id
  name        = "${var.name_prefix}-readings-iot"
  description = "MQTT messages of registered devices → readings-iot"
  labels      = var.labels

  # batch_cutoff is required by the provider (resource_yandex_function_trigger.go): without it
  # the first plan fails, count = 0 or not. The handler loops over every message of a batch;
  # a reading waits at most a second for its batch.
  iot {
    registry_id  = yandex_iot_core_registry.devices.id
    topic        = "$devices/#"
    batch_size   = "10"
    batch_cutoff = "1"
  }

  function {
    id                 = data.yandex_function.readings_iot[0].id
    service_account_id = yandex_iam_service_account.app["trigger-invoker"].id
    retry_attempts     = "3"
    retry_interval     = "10"
  }

  # Messages that still fail after the retries are kept for a human, not dropped, in a queue of
  # their own: raw IoT trigger events, not the event envelopes readings-dlq holds.
  dlq {
    queue_id           = yandex_message_queue.iot_dlq.arn
    service_account_id = yandex_iam_service_account.app["trigger-invoker"].id
  }
}
