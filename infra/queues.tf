# Message Queue: each queue of var.queues with its dead-letter queue `<name>-dlq`, as the local
# cloud creates them (local/protocol-servers.ts, platform/messaging/queues.ts deadLetterQueueOf).
#
# Retries: the consumer re-sends a failed message itself with an attempt counter and sends it to
# `<name>-dlq` after QUEUE_MAX_ATTEMPTS (platform/queue-consumer.ts). The redrive policy below
# (maxReceiveCount) is the backstop for messages the consumer never got to handle, e.g. when a
# whole batch keeps failing before any re-send.
#
# Keys. Message Queue accepts only static access keys (SigV4), never IAM tokens. Terraform creates
# the queues with the key of its own ymq-admin account (ymq.admin), whose secret is in the
# Terraform state (or bring your own: var.ymq_access_key/secret_key). Functions send with the keys
# of their own accounts (secrets.tf), whose roles are in iam.tf.

# --- Terraform's key for managing queues ------------------------------------------------------

resource "yandex_iam_service_account" "ymq_admin" {
  count = var.ymq_access_key == null ? 1 : 0

  folder_id   = var.folder_id
  name        = "${var.name_prefix}-ymq-admin"
  description = "Terraform: creates and updates Message Queue queues (infra/queues.tf)"
  labels      = var.labels
}

resource "yandex_resourcemanager_folder_iam_member" "ymq_admin" {
  count = var.ymq_access_key == null ? 1 : 0

  folder_id = var.folder_id
  role      = "ymq.admin"
  member    = "serviceAccount:${yandex_iam_service_account.ymq_admin[0].id}"
}

resource "yandex_iam_service_account_static_access_key" "ymq_admin" {
  count = var.ymq_access_key == null ? 1 : 0

  service_account_id = yandex_iam_service_account.ymq_admin[0].id
  description        = "Terraform: manages Message Queue queues"
}

locals {
  ymq_access_key = var.ymq_access_key != null ? var.ymq_access_key : one(yandex_iam_service_account_static_access_key.ymq_admin[*].access_key)
  ymq_secret_key = var.ymq_secret_key != null ? var.ymq_secret_key : one(yandex_iam_service_account_static_access_key.ymq_admin[*].secret_key)
}

# --- Queues -------------------------------------------------------------------------------------

resource "yandex_message_queue" "dlq" {
  for_each = var.queues

  name                      = "${each.key}-dlq"
  region_id                 = local.region
  message_retention_seconds = var.dlq_message_retention_seconds
  tags                      = var.labels

  access_key = local.ymq_access_key
  secret_key = local.ymq_secret_key

  # The key's role must exist before the first call with it.
  depends_on = [yandex_resourcemanager_folder_iam_member.ymq_admin]
}

resource "yandex_message_queue" "main" {
  for_each = var.queues

  name                       = each.key
  region_id                  = local.region
  visibility_timeout_seconds = each.value.visibility_timeout_seconds
  message_retention_seconds  = var.message_retention_seconds
  tags                       = var.labels

  # Backstop dead-lettering (see the top of this file); standard queue -> standard DLQ.
  redrive_policy = jsonencode({
    deadLetterTargetArn = yandex_message_queue.dlq[each.key].arn
    maxReceiveCount     = var.max_receive_count
  })

  access_key = local.ymq_access_key
  secret_key = local.ymq_secret_key

  depends_on = [yandex_resourcemanager_folder_iam_member.ymq_admin]
}

# Object Storage and timer trigger events that still failed after the trigger's retries
# (serverless.yml s3 and cron triggers: retry, dlqId). Without it Yandex drops them and an uploaded file is never read;
# here they wait for an operator (README "Deploy": dead letters).
resource "yandex_message_queue" "triggers_dlq" {
  name                      = "triggers-dlq"
  region_id                 = local.region
  message_retention_seconds = var.dlq_message_retention_seconds
  tags                      = var.labels

  access_key = local.ymq_access_key
  secret_key = local.ymq_secret_key

  depends_on = [yandex_resourcemanager_folder_iam_member.ymq_admin]
}

# IoT Core trigger messages (iot.tf) that still failed after the trigger's retries: raw MQTT
# payloads of devices, kept apart from the event envelopes of <queue>-dlq and from the Object
# Storage and timer events of triggers-dlq, so each dead-letter queue holds one shape.
resource "yandex_message_queue" "iot_dlq" {
  name                      = "readings-iot-dlq"
  region_id                 = local.region
  message_retention_seconds = var.dlq_message_retention_seconds
  tags                      = var.labels

  access_key = local.ymq_access_key
  secret_key = local.ymq_secret_key

  depends_on = [yandex_resourcemanager_folder_iam_member.ymq_admin]
}
