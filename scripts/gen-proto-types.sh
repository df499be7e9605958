#!/usr/bin/env bash
# Generates the TypeScript types of every proto under protos/ into packages/grpc/src/generated.
# The options here and in packages/grpc/src/proto-loader.ts must stay the same: they decide the
# shapes the generated types describe. A test fails when the generated files are stale.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/packages/grpc/src/generated}"
cd "$ROOT/protos"
mapfile -t FILES < <(find . -name '*.proto' | sed 's#^\./##' | sort)
rm -rf "$OUT"
mkdir -p "$OUT"
"$ROOT/node_modules/.bin/proto-loader-gen-types" \
  --longs=String --enums=String --defaults --oneofs \
  --grpcLib=@grpc/grpc-js --importFileExtension=.js \
  --outDir="$OUT" "${FILES[@]}" -I . >/dev/null
