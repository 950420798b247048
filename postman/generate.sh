#!/usr/bin/env bash
# Builds Postman collections from the three contracts (openapi/*.yaml) with openapi-to-postmanv2 into
# postman/generated/ (git-ignored), then points them at the local environment (postman/local.postman_environment.json):
# base URLs {{user_api}}, {{admin_api}}, {{internal_api}}; tokens minted from the dev issuer ({{issuer}}) for
# {{user_sub}} / {{admin_sub}} when {{user_token}} / {{admin_token}} are empty; X-API-Key {{internal_api_key}}.
#   bash postman/generate.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/ensure-node-modules.sh
out=postman/generated
rm -rf "$out"
mkdir -p "$out"
for api in user admin internal; do
  node_modules/.bin/openapi2postmanv2 -s "openapi/${api}-api.yaml" -o "$out/${api}-api.raw.json" \
    -O folderStrategy=Tags,parametersResolution=Example,requestNameSource=Fallback,indentCharacter=Space >/dev/null
  node postman/localize-generated.js "$api" "$out/${api}-api.raw.json" "$out/homebiyori-${api}-api.postman_collection.json"
  rm "$out/${api}-api.raw.json"
  echo "[postman] $out/homebiyori-${api}-api.postman_collection.json"
done
