# Terraform and provider versions.
#
# Every argument used in infra/ was checked against the yandex-cloud/yandex provider docs at
# v0.222.0 (docs/resources/*.md of github.com/yandex-cloud/terraform-provider-yandex). The lower
# bound 0.170 is after the provider moved yandex_logging_group, yandex_kms_symmetric_key and
# yandex_iam_service_account to the plugin framework (0.162, October 2025); `~> 0.170` allows any
# later 0.x release. `terraform init` writes the exact version it picked to
# .terraform.lock.hcl: commit that file so every apply uses the same provider build.
# Terraform 1.9+ because a variable validation (ymq_secret_key) refers to another variable.

terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    yandex = {
      source  = "yandex-cloud/yandex"
      version = "~> 0.170"
    }
  }
}
