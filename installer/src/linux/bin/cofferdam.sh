#!/bin/sh
# /usr/bin/cofferdam links here. No arguments or `ui`: the jpackage launcher (full JIT for the
# long-lived workbench). Any other command is a one-shot CLI run: the image's own java with C1 only,
# as the dist script does (a cold map of guava: 12.4 s -> 2.9 s). The JavaFX flags match the
# launcher's --java-options (installer/src/linux/args/jpackage-image.args).
app=$(dirname "$(dirname "$(readlink -f "$0")")")
case "${1:-}" in
    ""|ui) exec "$app/bin/cofferdam" "$@" ;;
esac
exec "$app/lib/runtime/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
    --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED \
    --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED \
    -cp "$app/lib/app/*" dev.cofferdam.app.Main "$@"
