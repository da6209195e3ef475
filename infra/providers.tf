# The provider is pinned to Russia: region ru-central1, a zone validated in variables.tf
# (ru-central1-a/b/d only, kz1 refused) and the Russian service endpoints set explicitly, so no
# environment variable can point it somewhere else.
#
# Credentials are not variables: export YC_TOKEN (an IAM token, `yc iam create-token`) or
# YC_SERVICE_ACCOUNT_KEY_FILE before `terraform plan/apply`. Message Queue and Object Storage
# resources carry their own static keys (queues.tf, storage.tf), created here.

locals {
  # Residency: the only region this project deploys to (README "Residency").
  region = "ru-central1"
}

provider "yandex" {
  cloud_id  = var.cloud_id
  folder_id = var.folder_id
  zone      = var.zone
  region_id = local.region

  # Defaults of the provider, written out so a reviewer sees that both stay in Russia
  # (storage.yandexcloud.kz would be the Kazakhstan region).
  storage_endpoint = "storage.yandexcloud.net"
  ymq_endpoint     = "message-queue.api.cloud.yandex.net"
}
