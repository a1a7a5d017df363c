#!/bin/sh
# /usr/bin/cofferdam links here. Picks the jpackage launcher by command, like the dist script does:
# no arguments or `ui` opens the long-lived workbench (full JIT), every other command is a one-shot
# CLI run with C1 only (cofferdam-cli launcher). Both carry the JavaFX --add-exports/--add-opens.
here=$(dirname "$(readlink -f "$0")")
case "${1:-}" in
    ""|ui) exec "$here/cofferdam" "$@" ;;
    *) exec "$here/cofferdam-cli" "$@" ;;
esac
