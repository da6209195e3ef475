# Outputs: what `npm run migrate` and `serverless deploy` need. None of them is secret: the
# functions' keys are in Lockbox and never pass through Terraform.
#   eval "$(terraform -chdir=infra output -raw deploy_env)"   # before npm run migrate / serverless deploy

locals {
  # Every ${env:NAME} serverless.yml needs from this stack (npm run deploy:check compares the two).
  deploy_env = {
    YC_CLOUD_ID                     = var.cloud_id
    YC_FOLDER_ID                    = var.folder_id
    YDB_ENDPOINT                    = "${yandex_ydb_database_serverless.main.tls_enabled ? "grpcs" : "grpc"}://${yandex_ydb_database_serverless.main.ydb_api_endpoint}"
    YDB_DATABASE                    = yandex_ydb_database_serverless.main.database_path
    KMS_KEY_ID                      = yandex_kms_symmetric_key.fields.id
    ATTACHMENTS_BUCKET              = yandex_storage_bucket.app["attachments"].bucket
    READINGS_BUCKET                 = yandex_storage_bucket.app["readings"].bucket
    SPONSOR_BUCKET                  = yandex_storage_bucket.app["sponsor_files"].bucket
    FN_HEALTH_KEY_SECRET_ID         = yandex_lockbox_secret.access_key["fn-health"].id
    FN_API_KEY_SECRET_ID            = yandex_lockbox_secret.access_key["fn-api"].id
    FN_RELAY_KEY_SECRET_ID          = yandex_lockbox_secret.access_key["fn-relay"].id
    FN_CONSUMER_KEY_SECRET_ID       = yandex_lockbox_secret.access_key["fn-consumer"].id
    FN_READINGS_FILES_KEY_SECRET_ID = yandex_lockbox_secret.access_key["fn-readings-files"].id
    FN_SPONSORS_KEY_SECRET_ID       = yandex_lockbox_secret.access_key["fn-sponsors"].id
    CHATBOT_SECRET_ID               = yandex_lockbox_secret.chatbot.id
    # npm run deploy checks the IoT trigger listens to this registry.
    IOT_REGISTRY_ID = yandex_iot_core_registry.devices.id
  }
}

output "deploy_env" {
  description = "export lines for the shell that runs npm run migrate and serverless deploy: eval \"$(terraform -chdir=infra output -raw deploy_env)\"."
  value       = join("\n", [for name, value in local.deploy_env : "export ${name}=${value}"])
}

output "ydb_endpoint" {
  description = "YDB endpoint for YDB_ENDPOINT, with scheme (grpcs://ydb.serverless.yandexcloud.net:2135). Built from ydb_api_endpoint (host:port) and tls_enabled."
  value       = local.deploy_env.YDB_ENDPOINT
}

output "ydb_database_path" {
  description = "YDB database path for YDB_DATABASE (/ru-central1/<cloud>/<database>)."
  value       = yandex_ydb_database_serverless.main.database_path
}

output "ydb_full_endpoint" {
  description = "The combined form grpcs://…:2135/?database=/ru-central1/… as the console shows it."
  value       = yandex_ydb_database_serverless.main.ydb_full_endpoint
}

output "ydb_database_id" {
  description = "ID of the YDB database."
  value       = yandex_ydb_database_serverless.main.id
}

output "queue_urls" {
  description = "Queue URLs by queue name (the resource id of yandex_message_queue is its URL). Functions look queues up by name (GetQueueUrl); these are for tools and checks."
  value       = { for name, q in yandex_message_queue.main : name => q.id }
}

output "dead_letter_queue_urls" {
  description = "Dead-letter queue URLs by main queue name."
  value       = { for name, q in yandex_message_queue.dlq : name => q.id }
}

output "queue_arns" {
  description = "Queue ARNs (yrn:yc:ymq:ru-central1:…) by queue name: what a Message Queue trigger takes as its queue id."
  value       = { for name, q in yandex_message_queue.main : name => q.arn }
}

output "kms_key_id" {
  description = "ID of the field-encryption KMS key, for KMS_KEY_ID."
  value       = yandex_kms_symmetric_key.fields.id
}

output "service_account_ids" {
  description = "Service account IDs by key (fn-health, fn-api, …, trigger-invoker, api-gateway; names are <name_prefix>-<key>)."
  value       = { for name, sa in yandex_iam_service_account.app : name => sa.id }
}

output "access_key_secret_ids" {
  description = "Lockbox secret with each function account's static key (entries ACCESS_KEY_ID, SECRET_ACCESS_KEY), by account."
  value       = { for name, secret in yandex_lockbox_secret.access_key : name => secret.id }
}

output "chatbot_secret_id" {
  description = "Lockbox secret for the chatbot's TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET; add its version with yc lockbox secret add-version."
  value       = yandex_lockbox_secret.chatbot.id
}

output "buckets" {
  description = "Bucket names by role (attachments, readings, sponsor_files)."
  value       = { for key, bucket in yandex_storage_bucket.app : key => bucket.bucket }
}

output "log_group_id" {
  description = "ID of the functions' log group."
  value       = yandex_logging_group.functions.id
}

output "iot_registry_id" {
  description = "IoT Core registry the devices are registered in."
  value       = yandex_iot_core_registry.devices.id
}

output "api_domain" {
  description = "Domain of the API Gateway (second apply, functions_deployed = true): API_URL of npm run smoke is https://<domain>."
  value       = one(yandex_api_gateway.api[*].domain)
}
