#!/usr/bin/env bash
# Counts detection's parameters in a source tree (default: this one): option properties with a numeric default,
# named numeric constants, and numeric literals other than 0, 1 and 2 written inline, in the scoring, linking and
# detection code of the core (comment lines left out). A rough census, for docs/scoring.md "Parameters".
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
dirs="src/DistillGuard.Core/Scoring src/DistillGuard.Core/Linking"
[ -d src/DistillGuard.Core/Detection ] && dirs="$dirs src/DistillGuard.Core/Detection"
opts=$(grep -rhE "\{ get; init; \} = [-0-9.]+|\{ get; init; \} = TimeSpan" $dirs --include=*.cs | wc -l)
consts=$(grep -rhE "const (double|int) [A-Za-z]+ = [-0-9.]+" $dirs --include=*.cs | wc -l)
inline=$(grep -rhvE "^\s*(///|//)|const |init; \} =" $dirs --include=*.cs | grep -oE "[^A-Za-z_0-9.\[]([0-9]+\.[0-9]+|[3-9]|[1-9][0-9]+)\b" | wc -l)
echo "options with defaults: $opts; named constants: $consts; inline numbers (not 0, 1, 2): $inline"
