# Lockbox: the secrets functions get, and who may read them.
#
# Access keys. Message Queue, Object Storage, Cloud Notification Service and Postbox authenticate
# each request by a static access key (SigV4), and the key's own service account is the identity
# the service checks. So every function account gets a key of its own, and its roles (iam.tf,
# storage.tf, kms.tf) decide what its functions may do with it. The provider writes both halves of
# each key straight into its own secret `<prefix>-<account>-key` (output_to_lockbox): neither
# half is in the Terraform state.
#
# Chatbot. `<prefix>-chatbot` holds the Telegram bot token and webhook secret. Terraform creates
# the secret but never its value (a yandex_lockbox_secret_version would keep it in the state):
# the operator adds a version with `yc lockbox secret add-version` (README "Deploy").
#
# How values reach functions: serverless.yml names `${lockbox:<secret id>/<entry>}`, which the
# Serverless plugin resolves at deploy time with the deployer's credentials and writes into the
# function version's environment (it cannot set a version's native Lockbox secrets). Functions
# therefore never read Lockbox themselves: the deployer needs lockbox.payloadViewer on these
# secrets (var.deployer_members), the function accounts do not.

locals {
  # Function accounts whose functions call Message Queue, Object Storage, CNS or Postbox.
  key_accounts = keys(local.function_accounts)
}

resource "yandex_lockbox_secret" "access_key" {
  for_each = toset(local.key_accounts)

  folder_id   = var.folder_id
  name        = "${var.name_prefix}-${each.key}-key"
  description = "Static access key of ${var.name_prefix}-${each.key}: ACCESS_KEY_ID, SECRET_ACCESS_KEY"
  labels      = var.labels

  # No kms_key_id: Lockbox encrypts with its own key, so readers need no KMS role.
  deletion_protection = var.deletion_protection
}

# Rotating a key: `terraform apply -replace='yandex_iam_service_account_static_access_key.app["fn-api"]'`
# writes a new key into a new secret version; then `serverless deploy` puts it into the functions.
resource "yandex_iam_service_account_static_access_key" "app" {
  for_each = toset(local.key_accounts)

  service_account_id = yandex_iam_service_account.app[each.key].id
  description        = "Functions of ${var.name_prefix}-${each.key} (stored in Lockbox ${var.name_prefix}-${each.key}-key)"

  output_to_lockbox {
    secret_id            = yandex_lockbox_secret.access_key[each.key].id
    entry_for_access_key = "ACCESS_KEY_ID"
    entry_for_secret_key = "SECRET_ACCESS_KEY"
  }
}

resource "yandex_lockbox_secret" "chatbot" {
  folder_id   = var.folder_id
  name        = "${var.name_prefix}-chatbot"
  description = "chatbot function: TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET (values added by the operator)"
  labels      = var.labels

  deletion_protection = var.deletion_protection
}

locals {
  deployer_secrets = merge(
    { for name, secret in yandex_lockbox_secret.access_key : "${name}-key" => secret.id },
    { chatbot = yandex_lockbox_secret.chatbot.id },
  )
  deployer_grants = {
    for pair in setproduct(keys(local.deployer_secrets), var.deployer_members) :
    "${pair[0]}/${pair[1]}" => { secret_id = local.deployer_secrets[pair[0]], member = pair[1] }
  }
}

# `serverless deploy` resolves ${lockbox:…} with the deployer's identity.
resource "yandex_lockbox_secret_iam_member" "deployer_payload_viewer" {
  for_each = local.deployer_grants

  secret_id = each.value.secret_id
  role      = "lockbox.payloadViewer"
  member    = each.value.member
}
