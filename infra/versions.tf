# Terraform and provider versions.
#
# The provider is pinned exactly: infra/provider-schema.json is the excerpt of v0.222.0's schema
# (required arguments and required nested blocks of every resource type infra/ uses) that
# `npm run deploy:check` holds every resource block against, offline. Bumping the provider means
# regenerating that excerpt from the new tag (its "provenance" says from what) and changing both
# together; deploy:check fails while they name different versions.
# Terraform 1.9+ because a variable validation (ymq_secret_key) refers to another variable.

terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    yandex = {
      source  = "yandex-cloud/yandex"
      version = "= 0.222.0"
    }
  }
}
