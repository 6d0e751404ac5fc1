#!/usr/bin/env bash
# Regenerates docs/findings.md from the code's finding catalogue (FindingCatalog + the English texts).
# The unit test FindingsPageTests fails when the page and the catalogue differ.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run --project src/SshDoctor -c Release -- explain --catalog --lang en > docs/findings.md
echo "docs/findings.md: $(grep -c '^## ' docs/findings.md) IDs"
