#!/usr/bin/env bash
# Builds the .deb, installs it, runs the installed CLI and workbench, upgrades it, removes it.
# Run as root on Debian 12 (CI is root). Never leaves the package installed.
#   bash installer/src/test/install-test.sh            # builds with -Pinstaller first
#   bash installer/src/test/install-test.sh FILE.deb   # tests an already built .deb
set -euo pipefail
deb=${1:+$(readlink -f "$1")}
cd "$(dirname "$0")/../.."
root=$(cd .. && pwd)
[ "$(id -u)" -eq 0 ] || { echo "install-test: needs root (dpkg -i)" >&2; exit 2; }

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step() { printf '\n== install-test: %s\n' "$*"; }
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }

state() { dpkg-query -W -f='${db:Status-Status}' cofferdam 2>/dev/null || true; }
case "$(state)" in
    ""|not-installed) ;;
    config-files) dpkg -P cofferdam >/dev/null ;;   # removed earlier, only its scripts are left
    *) fail "cofferdam is already on this machine ($(state)); remove it first: dpkg -P cofferdam" ;;
esac

work=$(mktemp -d /tmp/cdt.XXXXXX)   # short: sandbox sockets live under XDG_DATA_HOME
cleanup() {
    case "$(state)" in
        ""|not-installed) ;;
        *) dpkg -P cofferdam >/dev/null || true ;;
    esac
    rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$deb" ]; then
    step "build the .deb (mvn -Pinstaller)"
    (cd "$root" && mvn -B -ntp -q -Pinstaller -pl installer -am package -DskipTests)
    deb=$(ls "$root"/installer/target/deb/cofferdam_*_amd64.deb)
fi
[ -f "$deb" ] || fail "no .deb at $deb"
echo "deb: $deb ($(du -h "$deb" | cut -f1))"

# A user whose settings must survive the upgrade.
export HOME=$work/h XDG_CONFIG_HOME=$work/h/c XDG_DATA_HOME=$work/h/d XDG_CACHE_HOME=$work/h/k
mkdir -p "$XDG_CONFIG_HOME/cofferdam"
echo "marker" > "$XDG_CONFIG_HOME/cofferdam/install-test-marker"

step "dpkg -i"
if ! dpkg -i "$deb"; then
    DEBIAN_FRONTEND=noninteractive apt-get -f install -y -qq --no-install-recommends
fi
[ "$(state)" = installed ] || fail "package not installed"
[ -L /usr/bin/cofferdam ] || fail "/usr/bin/cofferdam is missing"
[ "$(command -v cofferdam)" = /usr/bin/cofferdam ] || fail "cofferdam is not the one on the PATH"
desktop=/usr/share/applications/cofferdam.desktop
for key in Name Comment Icon Categories Exec; do
    grep -q "^$key=." "$desktop" || fail "menu entry $desktop lacks $key"
done
[ -f "$(sed -n 's/^Icon=//p' "$desktop")" ] || fail "menu entry icon is missing"


step "cofferdam --version"
version=$(cofferdam --version)
echo "$version"
[[ $version == "cofferdam "* ]] || fail "unexpected --version output: $version"

step "cofferdam map on a small Java repository"
repo=$work/repo
mkdir -p "$repo/src/main/java/demo"
printf 'package demo;\n\npublic class Greeter {\n    public String greet(String n) {\n        return "hi " + n;\n    }\n}\n' \
    > "$repo/src/main/java/demo/Greeter.java"
printf 'package demo;\n\npublic class Main {\n    public static void main(String[] a) {\n        System.out.println(new Greeter().greet("x"));\n    }\n}\n' \
    > "$repo/src/main/java/demo/Main.java"
git -C "$repo" init -q
git -C "$repo" -c user.name=t -c user.email=t@t.example add -A
git -C "$repo" -c user.name=t -c user.email=t@t.example commit -qm init
start=$(date +%s.%N)
cofferdam map "$repo" > "$work/map.json"
echo "map took $(elapsed "$start") s"
grep -q 'Greeter' "$work/map.json" || fail "map output does not mention Greeter.java"

step "no display: the workbench says why it cannot open (exit 2)"
set +e
env -u DISPLAY -u WAYLAND_DISPLAY cofferdam ui > "$work/nodisplay.out" 2> "$work/nodisplay.err"
rc=$?
set -e
cat "$work/nodisplay.err" | tail -3
[ "$rc" -eq 2 ] || fail "cofferdam ui without a display exited $rc, expected 2"
grep -q '^cofferdam: cannot open the workbench' "$work/nodisplay.err" || fail "no one-line reason without a display"

step "workbench under Xvfb: first painted window to a PNG"
shot=$work/shot.png
start=$(date +%s.%N)
timeout 150 xvfb-run -a -s "-screen 0 1280x800x24" cofferdam ui --sample --size 1280x800 --screenshot "$shot"
echo "launch to screenshot written: $(elapsed "$start") s"
[ -s "$shot" ] || fail "no screenshot written"
colours=$(identify -format '%k' "$shot")
size=$(identify -format '%wx%h' "$shot")
echo "screenshot: $size, $colours colours, $(stat -c %s "$shot") bytes"
[ "$colours" -gt 16 ] || fail "screenshot looks blank ($colours colours)"

step "no QEMU on the PATH: map still works, doctor says what to install"
nobin=$work/bin
mkdir -p "$nobin"
for tool in git readlink dirname; do ln -s "$(command -v "$tool")" "$nobin/$tool"; done
set +e
PATH=$nobin /opt/cofferdam/bin/cofferdam.sh doctor > "$work/doctor.out" 2>&1
rc=$?
set -e
cat "$work/doctor.out"
[ "$rc" -eq 1 ] || fail "doctor without QEMU exited $rc, expected 1 (required part missing)"
grep -q '^missing .*QEMU.*apt-get install qemu-system-x86' "$work/doctor.out" || fail "doctor does not say how to get QEMU"
PATH=$nobin /opt/cofferdam/bin/cofferdam.sh map "$repo" > "$work/map2.json" || fail "map fails without QEMU"
grep -q 'Greeter' "$work/map2.json" || fail "map without QEMU lost Greeter.java"
set +e
timeout 60 env PATH="$nobin" /opt/cofferdam/bin/cofferdam.sh sandbox create it > "$work/sandbox.out" 2>&1
rc=$?
set -e
tail -2 "$work/sandbox.out"
[ "$rc" -ne 0 ] || fail "sandbox create without QEMU succeeded"
grep -q 'apt-get install qemu-system-x86' "$work/sandbox.out" || fail "sandbox create does not say what to install"

step "upgrade over the installed version"
old_version=$(dpkg-query -W -f='${Version}' cofferdam)
new_version=${old_version%-*}-$(( ${old_version##*-} + 1 ))
mkdir "$work/repack"
dpkg-deb -R "$deb" "$work/repack/pkg"
sed -i "s/^Version: .*/Version: $new_version/" "$work/repack/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z1 -b "$work/repack/pkg" "$work/repack/cofferdam_${new_version}_amd64.deb" >/dev/null
rm -rf "$work/repack/pkg"
dpkg -i "$work/repack/cofferdam_${new_version}_amd64.deb"
[ "$(dpkg-query -W -f='${Version}' cofferdam)" = "$new_version" ] || fail "upgrade to $new_version did not take"
[ -L /usr/bin/cofferdam ] || fail "/usr/bin/cofferdam is gone after the upgrade"
cofferdam --version | grep -q '^cofferdam ' || fail "cofferdam does not run after the upgrade"
[ "$(cat "$XDG_CONFIG_HOME/cofferdam/install-test-marker")" = marker ] || fail "user settings lost in the upgrade"
echo "upgraded $old_version -> $new_version"

step "dpkg -r leaves nothing behind"
dpkg -r cofferdam
[ ! -e /opt/cofferdam ] || fail "/opt/cofferdam is left after dpkg -r: $(find /opt/cofferdam | head -5)"
[ ! -e /usr/bin/cofferdam ] && [ ! -L /usr/bin/cofferdam ] || fail "/usr/bin/cofferdam is left after dpkg -r"
[ ! -e /usr/share/applications/cofferdam.desktop ] || fail "menu entry left after dpkg -r"
echo "install-test: OK"
