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

  iot {
    registry_id = yandex_iot_core_registry.devices.id
    topic       = "$devices/#"
  }

  function {
    id                 = data.yandex_function.readings_iot[0].id
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
