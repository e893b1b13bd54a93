#!/usr/bin/env bash
# The predictive-alerting evaluation lives with its module: see functions/alert-evaluator/README.md.
exec "$(dirname "$0")/../../functions/alert-evaluator/evaluate.sh" "$@"
