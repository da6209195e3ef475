# Service accounts and their roles: every identity in the deployment and every role it holds.
#
# Who owns what (README "Deploy"):
#   infra/ (this Terraform): everything stateful and every permission — YDB, queues and their
#     dead-letter queues, buckets, KMS keys, Lockbox secrets, the log group, the IoT Core registry,
#     the service accounts below with their roles and static keys, and (second apply, once the
#     functions exist) the API Gateway from contracts/openapi.yaml and the IoT Core trigger.
#   serverless.yml (Serverless Framework v3 + @yandex-cloud/serverless-plugin): the functions, their
#     versions and environment, and their timer, Object Storage and Message Queue triggers. It
#     declares no resources; its `account:` names are the accounts below (`<name_prefix>-<key>`),
#     which the plugin looks up by name in the folder.
#
# Least privilege. Roles sit on the single resource where the service allows it (YDB database:
# ydb.tf, KMS keys: kms.tf, buckets: storage.tf, Lockbox secrets: secrets.tf) and on the folder only
# where it does not: Message Queue, Cloud Notification Service, Postbox and function invocation.
# infra/README.md "Service accounts and roles" maps every grant to the function or trigger that needs it.

locals {
  # The accounts functions run as (serverless.yml `account:`), with the functions that use each.
  function_accounts = {
    "fn-health"         = "health: GET /v1/health lists queues and reads the attachments bucket's metadata, nothing else"
    "fn-api"            = "HTTP functions: patients, audit, triage, booking, chatbot, consultations, readings-ingest, readings-iot, readings-query, notification-settings, on-call, data-requests; the payment-sweep, data-exports and retention-sweep timers"
    "fn-relay"          = "Timer functions: outbox-relay, sla-watch, reminders"
    "fn-consumer"       = "Queue consumers and senders: notifications, readings-alerts, escalations, escalation-watch, deferred-notifications"
    "fn-readings-files" = "readings-files: presigned device-file uploads, imports them on the bucket trigger"
    "fn-sponsors"       = "coverage, enrollment-import, sponsor-reports: sponsors' files and reports"
  }

  # The accounts that call functions.
  platform_accounts = {
    "trigger-invoker" = "Timer, Object Storage, Message Queue and IoT Core triggers: reads queues, invokes functions"
    "api-gateway"     = "API Gateway (contracts/openapi.yaml): invokes the HTTP functions"
  }

  service_accounts = merge(local.function_accounts, local.platform_accounts)

  # Folder roles, only where the service has no narrower scope. Key: "<account>/<role>".
  folder_roles = {
    # Cron, Object Storage, Message Queue and IoT Core triggers invoke their functions.
    "trigger-invoker/serverless.functions.invoker" = { account = "trigger-invoker", role = "serverless.functions.invoker" }
    # Message Queue triggers (readings-alerts, escalations, notifications) read and delete messages.
    "trigger-invoker/ymq.reader" = { account = "trigger-invoker", role = "ymq.reader" }
    # The IoT Core trigger (iot.tf) and the Object Storage and timer triggers (serverless.yml) put
    # what they could not deliver into readings-iot-dlq and triggers-dlq.
    "trigger-invoker/ymq.writer" = { account = "trigger-invoker", role = "ymq.writer" }
    # The gateway's integrations call the HTTP functions.
    "api-gateway/serverless.functions.invoker" = { account = "api-gateway", role = "serverless.functions.invoker" }
    # health lists queues for GET /v1/health (ListQueues). Message Queue has no list-only role
    # (docs: ymq.reader and ymq.writer both list); ymq.writer rather than ymq.reader, which could
    # also delete or purge pending events. It is health's own account: the functions that take a
    # patient's input (fn-api) hold no Message Queue role at all, and health takes no input.
    "fn-health/ymq.writer" = { account = "fn-health", role = "ymq.writer" }
    # outbox-relay sends committed events to their queues.
    "fn-relay/ymq.writer" = { account = "fn-relay", role = "ymq.writer" }
    # Consumers re-send failed messages with an attempt counter and dead-letter them.
    "fn-consumer/ymq.writer" = { account = "fn-consumer", role = "ymq.writer" }
    # notifications, escalations, escalation-watch, deferred-notifications: SMS and push through CNS.
    "fn-consumer/notifications.publisher" = { account = "fn-consumer", role = "notifications.publisher" }
    # The same functions: email through Postbox.
    "fn-consumer/postbox.sender" = { account = "fn-consumer", role = "postbox.sender" }
  }
}

resource "yandex_iam_service_account" "app" {
  for_each = local.service_accounts

  folder_id   = var.folder_id
  name        = "${var.name_prefix}-${each.key}"
  description = each.value
  labels      = var.labels
}

resource "yandex_resourcemanager_folder_iam_member" "app" {
  for_each = local.folder_roles

  folder_id = var.folder_id
  role      = each.value.role
  member    = "serviceAccount:${yandex_iam_service_account.app[each.value.account].id}"
}
