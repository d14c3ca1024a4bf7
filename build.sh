#!/usr/bin/env bash
# Edgewise build entry point. Installs what the build needs on a Debian machine, then builds with the pinned
# Maven (3.9.9, through ./mvnw) and Tycho.
#
#   ./build.sh setup        install the Debian packages the build and the UI tests need (only the missing ones)
#   ./build.sh product      setup, then build the product and the p2 update site without running tests
#   ./build.sh test         setup, clean build with every test (UI tests under Xvfb), then smoke-run the product
#   ./build.sh screenshot   start the built workbench under Xvfb and save docs/images/workbench.png
#   ./build.sh screenshots  run the demo through the four perspectives under Xvfb and save docs/images/<perspective>.png
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$ROOT"

PRODUCT_DIR="$ROOT/releng/org.edgewise.product/target/products/org.edgewise.product/linux/gtk/x86_64"
SITE_DIR="$ROOT/releng/org.edgewise.repository/target/repository"

log() { printf '\033[1m[edgewise]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Debian packages: SWTChart's OSGi jars (not on Maven Central) come from libeclipse-swtchart-java; the HDF Group's
# HDF5 Java binding (streaming writes) from libhdf5-java; SWT needs GTK 3; the UI tests and the smoke run need an
# X server (Xvfb); screenshots use ImageMagick's import.
setup() {
  local need=(libeclipse-swtchart-java libhdf5-java libgtk-3-0 xvfb xauth imagemagick curl ca-certificates)
  if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then
    need+=(openjdk-17-jdk-headless)
  fi
  local missing=()
  for package in "${need[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  install_debian_jar /usr/share/java/jarhdf5.jar org/hdfgroup jarhdf5
}

# Debian's jarhdf5 has no Maven metadata: copy it into the local Maven repository as GROUP:ARTIFACT:debian (an
# artifact there without remote-repository records counts as locally installed), where the target platform finds it.
install_debian_jar() {
  local jar="$1" group_path="$2" artifact="$3"
  local dir="${MAVEN_LOCAL_REPO:-$HOME/.m2/repository}/$group_path/$artifact/debian"
  if cmp -s "$jar" "$dir/$artifact-debian.jar"; then
    return
  fi
  log "installing $jar into the local Maven repository ($dir)"
  mkdir -p "$dir"
  cp "$jar" "$dir/$artifact-debian.jar"
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>%s</groupId>\n  <artifactId>%s</artifactId>\n  <version>debian</version>\n</project>\n' \
    "${group_path//\//.}" "$artifact" >"$dir/$artifact-debian.pom"
}

mvn_args=(-B -ntp)

# Prints "Tests: N passed, N failed, N skipped" over every surefire report of the last build.
test_summary() {
  local reports
  reports=$(find "$ROOT/bundles" -path '*/target/surefire-reports/TEST-*.xml' 2>/dev/null || true)
  if [ -z "$reports" ]; then
    echo "Tests: 0 passed, 0 failed, 0 skipped"
    return
  fi
  # shellcheck disable=SC2086
  awk '/<testsuite / {
         for (i = 1; i <= NF; i++) {
           if ($i ~ /^tests=/)    { gsub(/[^0-9]/, "", $i); tests += $i }
           if ($i ~ /^failures=/) { gsub(/[^0-9]/, "", $i); failed += $i }
           if ($i ~ /^errors=/)   { gsub(/[^0-9]/, "", $i); failed += $i }
           if ($i ~ /^skipped=/)  { gsub(/[^0-9]/, "", $i); skipped += $i }
         }
       }
       END { printf "Tests: %d passed, %d failed, %d skipped\n", tests - failed - skipped, failed, skipped }' $reports
}

launcher_jar() {
  ls "$PRODUCT_DIR"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -1
}

# The smoke runs use the product exactly as ./edgewise starts it.
smoke_product() {
  log "smoke run: headless application, 'version'"
  local out
  out=$("$ROOT/edgewise" version)
  echo "$out"
  grep -q '^Edgewise 0\.' <<<"$out" || { log "FAILED: 'edgewise version' printed no version"; return 1; }

  log "smoke run: workbench under Xvfb (closes itself after 3 s)"
  out=$(EDGEWISE_JAVA_OPTS="-Dedgewise.autoCloseMs=3000" xvfb-run -a -s "-screen 0 1400x950x24" "$ROOT/edgewise" gui 2>&1)
  echo "$out" | grep -v 'SessionManagerDBus' || true
  grep -q 'WORKBENCH WINDOW OPEN: title=Edgewise perspectives=\[Alignment, Reconstruction, Segmentation, Gradient Analysis\]' <<<"$out" \
    || { log "FAILED: the workbench window did not open with the four perspectives"; return 1; }

  log "p2 update site"
  for file in content.jar artifacts.jar; do
    test -f "$SITE_DIR/$file" || { log "FAILED: $SITE_DIR/$file is missing"; return 1; }
  done
  ls "$SITE_DIR"/features

  log "p2 update site: install the workbench feature into a bare Eclipse platform with the p2 director, start it"
  "$ROOT/releng/p2-install-test.sh"
}

build_product() {
  setup
  log "building the product and the update site (tests skipped)"
  ./mvnw "${mvn_args[@]}" clean verify -DskipTests
}

# A merge that left its markers behind still compiles when they sit in docs or scripts.
check_no_conflict_markers() {
  local markers
  markers=$(git -C "$ROOT" grep -n -I -E '^(<<<<<<< |>>>>>>> )' -- . 2>/dev/null || true)
  if [ -n "$markers" ]; then
    log "merge conflict markers in tracked files:"; echo "$markers"; return 1
  fi
}

run_tests() {
  check_no_conflict_markers || return 1
  setup
  log "clean build with all tests (UI tests under Xvfb)"
  local status=0
  xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw "${mvn_args[@]}" clean verify || status=$?
  if [ "$status" -eq 0 ]; then
    smoke_product || status=$?
  fi
  test_summary
  if [ "$status" -ne 0 ]; then
    log "FAILED (exit $status)"
  else
    log "all green"
  fi
  return "$status"
}

screenshot() {
  setup
  [ -n "$(launcher_jar)" ] || build_product
  local target="$ROOT/docs/images/workbench.png"
  mkdir -p "$(dirname "$target")"
  log "starting the workbench under Xvfb for a screenshot"
  # capture once the window reports itself open (start-up time depends on the machine's load)
  xvfb-run -a -s "-screen 0 1400x950x24" bash -c '
    console=$(mktemp)
    EDGEWISE_JAVA_OPTS="-Dedgewise.autoCloseMs=30000" "$1" gui >"$console" 2>&1 &
    for _ in $(seq 120); do grep -q "WORKBENCH WINDOW OPEN" "$console" && break; sleep 0.5; done
    sleep 2
    import -window root -crop 1280x860+0+0 +repage "$2"
    kill %1 2>/dev/null; wait; rm -f "$console"' _ "$ROOT/edgewise" "$target"
  log "wrote $target"
}

# The screenshot tour is a UI test (org.edgewise.ui.tests ScreenshotTour) that drives each perspective with the
# demo dataset and captures the screen with ImageMagick's import; it runs only when EDGEWISE_SCREENSHOTS is set.
screenshots() {
  setup
  local target="$ROOT/docs/images"
  local work
  work=$(mktemp -d)
  log "screenshot tour of the four perspectives (simulates the demo dataset; a few minutes)"
  EDGEWISE_SCREENSHOTS="$work" xvfb-run -a -s "-screen 0 1400x900x24" ./mvnw "${mvn_args[@]}" verify \
    -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false
  mkdir -p "$target"
  for name in alignment reconstruction segmentation gradient gradient-density gradient-linescans; do
    cp "$work/$name.png" "$target/$name.png"
    log "wrote $target/$name.png"
  done
  rm -rf "$work"
}

case "${1:-}" in
  setup) setup ;;
  product) build_product ;;
  test) run_tests ;;
  screenshot) screenshot ;;
  screenshots) screenshots ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
