#!/usr/bin/env bash
# Installs the Edgewise workbench feature from the built update site into a bare Eclipse platform with the p2 director,
# as a user of an existing Eclipse would, then starts the installed workbench under Xvfb and checks that its window
# opens with the four perspectives. Needs the build's outputs (./build.sh product or test).
#   releng/p2-install-test.sh [WORK_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
SITE="$ROOT/releng/org.edgewise.repository/target/repository"
PLATFORM="$ROOT/releng/org.edgewise.platform/target/products/org.edgewise.platform/linux/gtk/x86_64"
FEATURE=org.edgewise.ui.feature.feature.group
WORK="${1:-$(mktemp -d)}"
log() { printf '\033[1m[p2-install-test]\033[0m %s\n' "$*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

[ -f "$SITE/content.jar" ] || fail "no update site at $SITE (build first)"
[ -d "$PLATFORM/plugins" ] || fail "no bare platform at $PLATFORM (build first)"
rm -rf "$WORK/eclipse" "$WORK/workspace"
mkdir -p "$WORK"
cp -r "$PLATFORM" "$WORK/eclipse"
# compgen, not "ls | grep -q": under pipefail grep's early exit can kill ls with SIGPIPE and fail the pipeline
if compgen -G "$WORK/eclipse/plugins/org.edgewise*" > /dev/null; then
  fail "the bare platform already contains Edgewise bundles"
fi
log "bare platform: $(ls "$WORK/eclipse/plugins" | wc -l) plugins, no Edgewise"

log "p2 director: install $FEATURE from $SITE"
"$ROOT/mvnw" -B -q -f "$ROOT/releng/p2-director/pom.xml" \
  org.eclipse.tycho:tycho-p2-director-plugin:4.0.13:director \
  -Ddestination="$WORK/eclipse" -Dprofile=DefaultProfile -Drepositories="file:$SITE" -DinstallIUs="$FEATURE"

installed=$(ls "$WORK/eclipse/plugins" | grep -c '^org\.edgewise' || true)
log "installed $installed Edgewise bundles"
for bundle in org.edgewise.ui_ org.edgewise.ui.align_ org.edgewise.ui.recon_ org.edgewise.ui.segment_ org.edgewise.ui.gradient_ \
              org.edgewise.core_ org.eclipse.january_ org.eclipse.swtchart_; do
  compgen -G "$WORK/eclipse/plugins/$bundle*" > /dev/null || fail "$bundle* was not installed"
  grep -q "^${bundle%_}," "$WORK/eclipse/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info" \
    || fail "${bundle%_} is not in bundles.info"
done

log "starting the installed workbench under Xvfb (closes itself after 3 s)"
launcher=$(ls "$WORK/eclipse"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)
out=$(xvfb-run -a -s "-screen 0 1400x950x24" java -Dedgewise.autoCloseMs=3000 -jar "$launcher" -nosplash \
        -product org.edgewise.ui.product -application org.edgewise.ui.application -data "$WORK/workspace" 2>&1) || true
echo "$out" | grep -v 'SessionManagerDBus' | tail -5
grep -q 'WORKBENCH WINDOW OPEN: title=Edgewise perspectives=\[Alignment, Reconstruction, Segmentation, Gradient Analysis\]' <<<"$out" \
  || fail "the installed workbench did not open with the four perspectives"
if grep -q 'No SLF4J providers' <<<"$out"; then
  fail "logging fell back to NOP: the feature's p2.inf did not start SPI Fly and slf4j.simple"
fi
log "OK: installed from the update site into a bare platform; the workbench opens with the four perspectives"
